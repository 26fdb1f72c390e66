import { ApiError, type ScriptEntry, type ScriptSaved, type ScriptsImportResult } from '../../contract';
import { checkForSave, duplicateEntry, mergeImported, newScriptId, restoreVersion, withNewVersion, type Author } from '../../../scripts-library/operations';
import { currentVersion, LIBRARY_EXPORT_FORMAT, scriptExportSchema, type ScriptExport } from '../../../scripts-library/schema';
import type { BackendContext, CallContext, Handler } from './types';

const authorOf = ({ actor, clock }: CallContext): Author => ({ name: actor.name.trim() || '未署名', id: actor.id, at: clock.now() });

function findIn(entries: readonly ScriptEntry[], id: string): ScriptEntry {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new ApiError({ code: 'NOT_FOUND', message: `找不到这条话术（${id}），可能已被其他人删除。` });
  return entry;
}

/**
 * One change to one entry of the library, computed inside the durable write from the library as it is then:
 * two leads saving the same script at once cannot both build on the same version (the second gets CONFLICT).
 * `change` gets the entries and returns the new or changed entry; a throw from it writes nothing.
 */
async function changeEntry(ctx: BackendContext, change: (entries: readonly ScriptEntry[]) => ScriptEntry): Promise<ScriptEntry> {
  let changed: ScriptEntry | undefined;
  await ctx.storage.scripts.update((draft) => {
    const entry = change(draft.entries);
    const index = draft.entries.findIndex((candidate) => candidate.id === entry.id);
    if (index >= 0) draft.entries[index] = entry;
    else draft.entries.push(entry);
    changed = entry;
  });
  return changed!;
}

const newIdFor = (entries: readonly ScriptEntry[]) => newScriptId(new Set(entries.map((entry) => entry.id)), Date.now());

/** The lint as the team set it up: the built-in lexicons and the lead's own words (团队设置). */
const lintOptionsOf = (ctx: BackendContext) => ({ customTerms: ctx.storage.teamSettings.read().lintTerms });

function refuseIfNotSavable(ctx: BackendContext, text: string, confirmWarnings: boolean) {
  const check = checkForSave(text, confirmWarnings, lintOptionsOf(ctx));
  if (check.ok) return check.findings;
  const issues = check.findings.map((finding) => ({ path: 'text', message: `「${finding.phrase}」${finding.message}` }));
  if (check.reason === 'errors') {
    throw new ApiError({ code: 'VALIDATION', message: `话术未通过合规检查，不能保存：${issues.filter((_, i) => check.findings[i]!.severity === 'error').map((issue) => issue.message).join('；')}`, issues });
  }
  throw new ApiError({ code: 'NEEDS_CONFIRMATION', message: '话术中有需要再确认的措辞，确认后才能保存。', issues });
}

/** Saving over a version someone else saved since the edit began: who, when, which version. */
function refuseIfMovedOn(entry: ScriptEntry, baseVersion: number | undefined): void {
  const current = currentVersion(entry);
  if (baseVersion === undefined || current.version === baseVersion) return;
  const since = entry.versions.filter((version) => version.version > baseVersion);
  const who = [...new Set(since.map((version) => version.author))].join('、');
  throw new ApiError({
    code: 'CONFLICT',
    message: `这条话术在您编辑期间已被 ${who} 更新到第 ${current.version} 版（最近一次 ${current.at.slice(0, 16).replace('T', ' ')}，说明：${current.note || '无'}）；您是从第 ${baseVersion} 版开始改的。您的修改没有保存：请刷新后对照最新版本再改。`,
  });
}

export const scriptsList: Handler<'scripts.list'> = async (_input, ctx) => ({ entries: [...ctx.storage.scripts.read().entries] });

export const scriptsSave: Handler<'scripts.save'> = async ({ id, content, note, confirmWarnings, baseVersion }, ctx) => {
  const findings = refuseIfNotSavable(ctx, content.text, confirmWarnings);
  const author = authorOf(ctx);
  const entry = await changeEntry(ctx, (entries) => {
    const existing = id ? findIn(entries, id) : null;
    if (existing) refuseIfMovedOn(existing, baseVersion);
    return withNewVersion(existing, existing?.id ?? newIdFor(entries), content, author, note || (existing ? '修改' : '新建'));
  });
  return { entry, findings };
};

export const scriptsDuplicate: Handler<'scripts.duplicate'> = async ({ id }, ctx) => {
  const author = authorOf(ctx);
  return { entry: await changeEntry(ctx, (entries) => duplicateEntry(findIn(entries, id), newIdFor(entries), author)), findings: [] };
};

export const scriptsArchive: Handler<'scripts.archive'> = async ({ id, archived }, ctx) => ({
  entry: await changeEntry(ctx, (entries) => ({ ...findIn(entries, id), archived })),
  findings: [],
});

export const scriptsRestore: Handler<'scripts.restore'> = async ({ id, version }, ctx) => {
  const author = authorOf(ctx);
  let findings: ScriptSaved['findings'] = [];
  const entry = await changeEntry(ctx, (entries) => {
    const restored = restoreVersion(findIn(entries, id), version, author);
    if (!restored) throw new ApiError({ code: 'NOT_FOUND', message: `这条话术没有第 ${version} 版。` });
    // An old version is checked against today's rules before it comes back.
    findings = refuseIfNotSavable(ctx, currentVersion(restored).text, true);
    return restored;
  });
  return { entry, findings };
};

export const scriptsExport: Handler<'scripts.export'> = async (_input, ctx) => {
  const file: ScriptExport = { format: LIBRARY_EXPORT_FORMAT, formatVersion: 1, exportedAt: ctx.clock.now(), entries: ctx.storage.scripts.read().entries };
  return { fileName: `话术库-${ctx.clock.today()}.json`, content: `${JSON.stringify(file, null, 1)}\n` };
};

export const scriptsImport: Handler<'scripts.import'> = async ({ content, apply }, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new ApiError({ code: 'VALIDATION', message: '文件不是有效的 JSON，不是 Call Coach 导出的话术库。话术库没有改动。' });
  }
  const result = scriptExportSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ApiError({
      code: 'VALIDATION',
      message: `文件不是有效的话术库（${issue ? `${issue.path.join('.') || '文件'}：${issue.message}` : '格式错误'}）。话术库没有改动。`,
    });
  }
  if (!apply) return { report: mergeImported(ctx.storage.scripts.read().entries, result.data.entries, lintOptionsOf(ctx)).report, applied: false };
  // Merged inside the write, against the library as it is then.
  let report: ScriptsImportResult['report'] | undefined;
  let applied = false;
  await ctx.storage.scripts.update((draft) => {
    const merged = mergeImported(draft.entries, result.data.entries, lintOptionsOf(ctx));
    report = merged.report;
    applied = merged.report.added.length + merged.report.updated.length > 0;
    if (applied) draft.entries = merged.entries;
  });
  return { report: report!, applied };
};
