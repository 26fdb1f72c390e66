/**
 * The registry of small single-file concerns, one file each, so a small change rewrites a small file.
 * The ledger and the contact log are sharded and live in their own stores.
 */
import { z } from 'zod';
import {
  callDraftSchema,
  teamSettingsSchema,
  defaultSettings,
  headerMappingSchema,
  settingsSchema,
  startedCallSchema,
  type CallDraft,
  type CallStart,
  type SavedMapping,
  type Settings,
} from '../../contract';
import type { DataFileSpec } from './data-file';
import { shanghaiTimestamp } from '../../../domain/clock';
import { defaultTeamSettings, type TeamSettings } from '../../../domain/follow-up-rules';
import { DEFAULT_CUSTODY_PERCENT } from '../../../domain/ledger';
import { LOCAL_USER_ID } from '../../../domain/roles';
import { DEFAULT_AUTHOR, defaultLibrary, upgradeDefaults } from '../../../scripts-library/default-library';
import { scriptLibrarySchema, type ScriptEntry, type ScriptLibrary } from '../../../scripts-library/schema';

export const settingsFile: DataFileSpec<Settings> = {
  id: 'settings',
  label: '本机设置',
  fileName: 'settings.json',
  version: 1,
  schema: settingsSchema,
  defaults: () => ({ ...defaultSettings }),
};

export const mappingsFile: DataFileSpec<{ mappings: SavedMapping[] }> = {
  id: 'mappings',
  label: '导入列映射',
  fileName: 'import-mappings.json',
  version: 1,
  schema: z.object({ mappings: z.array(z.object({ name: z.string().min(1), fields: headerMappingSchema, savedAt: z.string() })) }),
  defaults: () => ({ mappings: [] }),
};

/** The 话术 library: the defaults on first run, then whatever the team lead makes of it. */
export const scriptsFile: DataFileSpec<ScriptLibrary> = {
  id: 'scripts',
  label: '话术库',
  fileName: 'scripts.json',
  version: 3,
  schema: scriptLibrarySchema,
  defaults: () => defaultLibrary(shanghaiTimestamp()),
  migrations: {
    // v2: the defaults reworded to be said only when their facts exist (asking before a promise is pinned, the
    // broken promise's own date, what is owed by fee type); untouched defaults get the new wording, edits stay.
    1: (data) => withUpgradedDefaults(data),
    // v3: a user id beside each author's name: every version a person wrote before was written at this desk.
    2: (data) => withLocalAuthorIds(data),
  },
};

function withLocalAuthorIds(data: unknown): unknown {
  const entries = (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return data;
  const signed = entries.map((entry) => {
    const versions = (entry as { versions?: unknown } | null)?.versions;
    if (!Array.isArray(versions)) return entry;
    return { ...(entry as object), versions: versions.map((version: { author?: unknown }) => (version && typeof version === 'object' && version.author !== DEFAULT_AUTHOR && !('authorId' in version) ? { ...version, authorId: LOCAL_USER_ID } : version)) };
  });
  return { ...(data as object), entries: signed };
}

/** The library with its untouched defaults upgraded; anything not shaped like a library is left for validation to report. */
function withUpgradedDefaults(data: unknown): unknown {
  const entries = (data as { entries?: unknown } | null)?.entries;
  const shaped = Array.isArray(entries) && entries.every((entry) => Array.isArray((entry as { versions?: unknown } | null)?.versions) && (entry as ScriptEntry).versions.length > 0);
  return shaped ? { ...(data as object), entries: upgradeDefaults(entries as ScriptEntry[], shanghaiTimestamp()) } : data;
}

/** One user's call in progress: the machine snapshot and the started call (calls.start: its id and start time). */
const callSlotSchema = z.object({ draft: callDraftSchema.nullable(), started: startedCallSchema.nullable() });

/**
 * Calls in progress, one per user (the desk's one user in local mode): the machine snapshot (offered back after a
 * crash or restart) and the started call, which calls.save needs.
 */
export const callDraftFile: DataFileSpec<{ users: Record<string, { draft: CallDraft | null; started: CallStart | null }> }> = {
  id: 'call-draft',
  label: '进行中的通话',
  fileName: 'call-draft.json',
  version: 3,
  schema: z.object({ users: z.record(z.string().min(1).max(100), callSlotSchema) }),
  defaults: () => ({ users: {} }),
  migrations: {
    // v2: the started call (calls.start). A v1 draft has none: resuming it starts the call again.
    1: (data) => ({ ...(data as object), started: null }),
    // v3: one slot per user; the desk's call in progress becomes its local user's.
    2: (data) => {
      const { draft = null, started = null } = (data ?? {}) as { draft?: unknown; started?: unknown };
      return { users: draft || started ? { [LOCAL_USER_ID]: { draft, started } } : {} };
    },
  },
};

/** Team-wide rules set by the lead: grace days, call windows, caps, the pinning horizon, the notice ladder. */
export const teamSettingsFile: DataFileSpec<TeamSettings> = {
  id: 'team-settings',
  label: '团队设置',
  fileName: 'team-settings.json',
  version: 5,
  schema: teamSettingsSchema,
  defaults: () => structuredClone(defaultTeamSettings),
  migrations: {
    // v2: the team's stewards, for reassigning follow-ups.
    1: (data) => ({ ...(data as object), stewards: [] }),
    // v3: the company's payment account, read to owners who pay by transfer.
    2: (data) => ({ ...(data as object), paymentAccount: '' }),
    // v4: the share of the fee billed to 托管 units (the 规程's 70%), and the lead's own compliance-lint words.
    3: (data) => ({ ...(data as object), custodyPercent: DEFAULT_CUSTODY_PERCENT, lintTerms: [] }),
    // v5: a user id beside each name on the roster (names stay as they were; ids the backend mints look different).
    4: (data) => {
      const { stewards = [] } = (data ?? {}) as { stewards?: unknown[] };
      return { ...(data as object), stewards: stewards.map((name, index) => (typeof name === 'string' ? { id: `steward-${index + 1}`, name } : name)) };
    },
  },
};

export const dataFileSpecs = { settings: settingsFile, mappings: mappingsFile, scripts: scriptsFile, callDraft: callDraftFile, teamSettings: teamSettingsFile } as const;

export type DataFileId = keyof typeof dataFileSpecs;
