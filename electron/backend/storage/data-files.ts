/**
 * The registry of data files, one per concern, so a small change rewrites a small file.
 * Later features add their files here.
 */
import { defaultSettings, settingsSchema, type Settings } from '../../contract';
import type { DataFileSpec } from './data-file';

export const settingsFile: DataFileSpec<Settings> = {
  id: 'settings',
  label: '本机设置',
  fileName: 'settings.json',
  version: 1,
  schema: settingsSchema,
  defaults: () => ({ ...defaultSettings }),
};

export const dataFileSpecs = { settings: settingsFile } as const;

export type DataFileId = keyof typeof dataFileSpecs;
