import { ApiError, type ScriptEntry } from '../../contract';
import { shanghaiTimestamp } from '../../../domain/clock';
import { checkForSave, duplicateEntry, mergeImported, newScriptId, restoreVersion, withNewVersion, type Author } from '../../../scripts-library/operations';
import { currentVersion, LIBRARY_EXPORT_FORMAT, scriptExportSchema, type ScriptExport } from '../../../scripts-library/schema';
import type { BackendContext, Handler } from './types';

const authorOf = ({ store }: BackendContext): Author => ({ name: store.file('settings').read().stewardName || '未署名', at: shanghaiTimestamp() });

function findEntry(ctx: BackendContext, id: string): ScriptEntry {
  const entry = ctx.store.file('scripts').read().entries.find((candidate) => candidate.id === id);
  if (!entry) throw new ApiError({ code: 'NOT_FOUND', message: `找不到这条话术（${id}），可能已被其他人删除。` });
  return entry;
}

/** Replaces (or appends) one entry in the library file, durably. */
async function store(ctx: BackendContext, entry: ScriptEntry): Promise<ScriptEntry> {
  await ctx.store.file('scripts').update((draft) => {
    const index = draft.entries.findIndex((candidate) => candidate.id === entry.id);
    if (index >= 0) draft.entries[index] = entry;
    else draft.entries.push(entry);
  });
  return entry;
}

function refuseIfNotSavable(text: string, confirmWarnings: boolean) {
  const check = checkForSave(text, confirmWarnings);
  if (check.ok) return check.findings;
  const issues = check.findings.map((finding) => ({ path: 'text', message: `「${finding.phrase}」${finding.message}` }));
  if (check.reason === 'errors') {
    throw new ApiError({ code: 'VALIDATION', message: `话术未通过合规检查，不能保存：${issues.filter((_, i) => check.findings[i]!.severity === 'error').map((issue) => issue.message).join('；')}`, issues });
  }
  throw new ApiError({ code: 'NEEDS_CONFIRMATION', message: '话术中有需要再确认的措辞，确认后才能保存。', issues });
}

export const scriptsList: Handler<'scripts.list'> = async (_input, ctx) => ({ entries: [...ctx.store.file('scripts').read().entries] });

export const scriptsSave: Handler<'scripts.save'> = async ({ id, content, note, confirmWarnings, baseVersion }, ctx) => {
  const findings = refuseIfNotSavable(content.text, confirmWarnings);
  const existing = id ? findEntry(ctx, id) : null;
  if (existing && baseVersion !== undefined && currentVersion(existing).version !== baseVersion) {
    throw new ApiError({ code: 'CONFLICT', message: `这条话术已被更新到第 ${currentVersion(existing).version} 版（您编辑的是第 ${baseVersion} 版），请刷新后再改。` });
  }
  const ids = new Set(ctx.store.file('scripts').read().entries.map((entry) => entry.id));
  const entry = withNewVersion(existing, existing?.id ?? newScriptId(ids, Date.now()), content, authorOf(ctx), note || (existing ? '修改' : '新建'));
  return { entry: await store(ctx, entry), findings };
};

export const scriptsDuplicate: Handler<'scripts.duplicate'> = async ({ id }, ctx) => {
  const ids = new Set(ctx.store.file('scripts').read().entries.map((entry) => entry.id));
  return { entry: await store(ctx, duplicateEntry(findEntry(ctx, id), newScriptId(ids, Date.now()), authorOf(ctx))), findings: [] };
};

export const scriptsArchive: Handler<'scripts.archive'> = async ({ id, archived }, ctx) => ({
  entry: await store(ctx, { ...findEntry(ctx, id), archived }),
  findings: [],
});

export const scriptsRestore: Handler<'scripts.restore'> = async ({ id, version }, ctx) => {
  const entry = findEntry(ctx, id);
  const restored = restoreVersion(entry, version, authorOf(ctx));
  if (!restored) throw new ApiError({ code: 'NOT_FOUND', message: `这条话术没有第 ${version} 版。` });
  // An old version is checked against today's rules before it comes back.
  const findings = refuseIfNotSavable(currentVersion(restored).text, true);
  return { entry: await store(ctx, restored), findings };
};

export const scriptsExport: Handler<'scripts.export'> = async (_input, ctx) => {
  const file: ScriptExport = { format: LIBRARY_EXPORT_FORMAT, formatVersion: 1, exportedAt: shanghaiTimestamp(), entries: ctx.store.file('scripts').read().entries };
  return { fileName: `话术库-${ctx.today()}.json`, content: `${JSON.stringify(file, null, 1)}\n` };
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
  const { entries, report } = mergeImported(ctx.store.file('scripts').read().entries, result.data.entries);
  const changes = report.added.length + report.updated.length;
  if (apply && changes > 0) {
    await ctx.store.file('scripts').update((draft) => {
      draft.entries = entries;
    });
  }
  return { report, applied: apply && changes > 0 };
};
