/**
 * A script library entry and its versions. The entry's current content is its last version; saving adds
 * a version, restoring an old one adds a copy of it. Pure (zod only).
 */
import { z } from 'zod';
import { ownerTypes, scriptKinds, stageIds, tones } from './stages';

const ownerTypeIds = ownerTypes.map((type) => type.id) as ['A', 'B', 'C', 'D', 'E'];

/** What a person edits: everything but the bookkeeping. */
export const scriptContentSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(40, '标题不超过 40 个字'),
  stage: z.enum(stageIds),
  ownerTypes: z.array(z.enum(ownerTypeIds)).min(1, '至少选择一种业主类型').max(ownerTypeIds.length),
  tone: z.enum(tones),
  kind: z.enum(scriptKinds),
  text: z.string().trim().min(1, '请填写话术内容').max(1000, '话术不超过 1000 个字'),
  /** Per-entry fallback for a variable that is empty, e.g. { 约定日期: '您方便的日子' }. */
  fallbacks: z.record(z.string().max(20), z.string().max(40)).refine((fallbacks) => Object.keys(fallbacks).length <= 30, '备用词太多'),
  tags: z.array(z.string().trim().min(1).max(12)).max(10),
});
export type ScriptContent = z.infer<typeof scriptContentSchema>;

export const scriptVersionSchema = scriptContentSchema.extend({
  version: z.number().int().min(1),
  author: z.string(),
  /** The author's user id (absent on versions from before ids, and on the shipped defaults). */
  authorId: z.string().max(100).optional(),
  at: z.string(),
  note: z.string().max(200),
});
export type ScriptVersion = z.infer<typeof scriptVersionSchema>;

export const scriptEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'id 只能包含小写字母、数字和连字符'),
  archived: z.boolean(),
  versions: z.array(scriptVersionSchema).min(1),
});
export type ScriptEntry = z.infer<typeof scriptEntrySchema>;

const uniqueIds = (entries: { id: string }[]) => new Set(entries.map((entry) => entry.id)).size === entries.length;

export const scriptLibrarySchema = z.object({ entries: z.array(scriptEntrySchema) }).refine((library) => uniqueIds(library.entries), { message: '话术 id 重复' });
export type ScriptLibrary = z.infer<typeof scriptLibrarySchema>;

/** The file a team lead hands to the team. */
export const LIBRARY_EXPORT_FORMAT = 'call-coach-scripts';
export const scriptExportSchema = z.object({
  format: z.literal(LIBRARY_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  entries: z.array(scriptEntrySchema).refine(uniqueIds, { message: '话术 id 重复' }),
});
export type ScriptExport = z.infer<typeof scriptExportSchema>;

export const currentVersion = (entry: ScriptEntry): ScriptVersion => entry.versions[entry.versions.length - 1]!;
