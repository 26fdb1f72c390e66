/**
 * The registry of small single-file concerns, one file each, so a small change rewrites a small file.
 * The ledger and the contact log are sharded and live in their own stores.
 */
import { z } from 'zod';
import { callDraftSchema, teamSettingsSchema, defaultSettings, headerMappingSchema, settingsSchema, type CallDraft, type SavedMapping, type Settings } from '../../contract';
import type { DataFileSpec } from './data-file';
import { shanghaiTimestamp } from '../../../domain/clock';
import { defaultTeamSettings, type TeamSettings } from '../../../domain/follow-up-rules';
import { defaultLibrary } from '../../../scripts-library/default-library';
import { scriptLibrarySchema, type ScriptLibrary } from '../../../scripts-library/schema';

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
  version: 1,
  schema: scriptLibrarySchema,
  defaults: () => defaultLibrary(shanghaiTimestamp()),
};

/** The call in progress (machine snapshot), offered back after a crash or restart. */
export const callDraftFile: DataFileSpec<{ draft: CallDraft | null }> = {
  id: 'call-draft',
  label: '进行中的通话',
  fileName: 'call-draft.json',
  version: 1,
  schema: z.object({ draft: callDraftSchema.nullable() }),
  defaults: () => ({ draft: null }),
};

/** Team-wide rules set by the lead: grace days, call windows, caps, the pinning horizon, the notice ladder. */
export const teamSettingsFile: DataFileSpec<TeamSettings> = {
  id: 'team-settings',
  label: '团队设置',
  fileName: 'team-settings.json',
  version: 2,
  schema: teamSettingsSchema,
  defaults: () => structuredClone(defaultTeamSettings),
  // v2: the team's stewards, for reassigning follow-ups.
  migrations: { 1: (data) => ({ ...(data as object), stewards: [] }) },
};

export const dataFileSpecs = { settings: settingsFile, mappings: mappingsFile, scripts: scriptsFile, callDraft: callDraftFile, teamSettings: teamSettingsFile } as const;

export type DataFileId = keyof typeof dataFileSpecs;
