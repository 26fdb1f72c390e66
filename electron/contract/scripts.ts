/** Contract inputs and outputs for the 话术 library. */
import { z } from 'zod';
import type { LintFinding } from '../../scripts-library/lint';
import type { ImportReport } from '../../scripts-library/operations';
import { scriptContentSchema, type ScriptEntry } from '../../scripts-library/schema';

export const saveScriptInput = z
  .object({
    /** Absent for a new script. */
    id: z.string().min(1).max(200).optional(),
    content: scriptContentSchema,
    note: z.string().trim().max(200).default(''),
    /** The lead has seen the warnings and saves anyway. */
    confirmWarnings: z.boolean().default(false),
    /** The version the edit started from: saving over someone else's newer version is refused. */
    baseVersion: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

export const scriptIdInput = z.object({ id: z.string().min(1).max(200) }).strict();
export const archiveScriptInput = z.object({ id: z.string().min(1).max(200), archived: z.boolean() }).strict();
export const restoreScriptInput = z.object({ id: z.string().min(1).max(200), version: z.number().int().min(1).max(100_000) }).strict();
/** A whole 话术库 export is a few hundred KB; this leaves room for a very large one with its history. */
export const SCRIPTS_IMPORT_MAX_CHARS = 8_000_000;
export const importScriptsInput = z
  .object({ content: z.string().min(1, '文件是空的').max(SCRIPTS_IMPORT_MAX_CHARS, '话术库文件太大（最多 800 万字）'), apply: z.boolean() })
  .strict();

export interface ScriptSaved {
  entry: ScriptEntry;
  findings: LintFinding[];
}

export interface ScriptsImportResult {
  report: ImportReport;
  applied: boolean;
}

export type { ImportReport as ScriptImportReport, LintFinding, ScriptEntry };
