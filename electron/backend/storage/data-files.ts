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
import { defaultLibrary, upgradeDefaults } from '../../../scripts-library/default-library';
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
  version: 2,
  schema: scriptLibrarySchema,
  defaults: () => defaultLibrary(shanghaiTimestamp()),
  // v2: the defaults reworded to be said only when their facts exist (asking before a promise is pinned, the
  // broken promise's own date, what is owed by fee type); untouched defaults get the new wording, edits stay.
  migrations: { 1: (data) => withUpgradedDefaults(data) },
};

/** The library with its untouched defaults upgraded; anything not shaped like a library is left for validation to report. */
function withUpgradedDefaults(data: unknown): unknown {
  const entries = (data as { entries?: unknown } | null)?.entries;
  const shaped = Array.isArray(entries) && entries.every((entry) => Array.isArray((entry as { versions?: unknown } | null)?.versions) && (entry as ScriptEntry).versions.length > 0);
  return shaped ? { ...(data as object), entries: upgradeDefaults(entries as ScriptEntry[], shanghaiTimestamp()) } : data;
}

/**
 * The call in progress: the machine snapshot (offered back after a crash or restart) and the started call
 * (calls.start: its id and start time, which calls.save needs), one at a time.
 */
export const callDraftFile: DataFileSpec<{ draft: CallDraft | null; started: CallStart | null }> = {
  id: 'call-draft',
  label: '进行中的通话',
  fileName: 'call-draft.json',
  version: 2,
  schema: z.object({ draft: callDraftSchema.nullable(), started: startedCallSchema.nullable() }),
  defaults: () => ({ draft: null, started: null }),
  // v2: the started call (calls.start). A v1 draft has none: resuming it starts the call again.
  migrations: { 1: (data) => ({ ...(data as object), started: null }) },
};

/** Team-wide rules set by the lead: grace days, call windows, caps, the pinning horizon, the notice ladder. */
export const teamSettingsFile: DataFileSpec<TeamSettings> = {
  id: 'team-settings',
  label: '团队设置',
  fileName: 'team-settings.json',
  version: 4,
  schema: teamSettingsSchema,
  defaults: () => structuredClone(defaultTeamSettings),
  migrations: {
    // v2: the team's stewards, for reassigning follow-ups.
    1: (data) => ({ ...(data as object), stewards: [] }),
    // v3: the company's payment account, read to owners who pay by transfer.
    2: (data) => ({ ...(data as object), paymentAccount: '' }),
    // v4: the share of the fee billed to 托管 units (the 规程's 70%), and the lead's own compliance-lint words.
    3: (data) => ({ ...(data as object), custodyPercent: DEFAULT_CUSTODY_PERCENT, lintTerms: [] }),
  },
};

export const dataFileSpecs = { settings: settingsFile, mappings: mappingsFile, scripts: scriptsFile, callDraft: callDraftFile, teamSettings: teamSettingsFile } as const;

export type DataFileId = keyof typeof dataFileSpecs;
