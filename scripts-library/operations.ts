/**
 * Changes to the library, as pure functions over its entries: save (new version), duplicate, archive,
 * restore an old version, and merging an imported library with a report. Linting decides what may be
 * saved: errors never, warnings only when confirmed.
 */
import { hasErrors, lintScript, type LintFinding, type LintOptions } from './lint';
import { currentVersion, type ScriptContent, type ScriptEntry, type ScriptVersion } from './schema';

export interface Author {
  name: string;
  /** The user id stored beside the name. */
  id?: string;
  at: string;
}

export type SaveCheck = { ok: true; findings: LintFinding[] } | { ok: false; reason: 'errors' | 'unconfirmed-warnings'; findings: LintFinding[] };

/** Whether a text may be saved: no lint error, and warnings only once the lead confirmed them. */
export function checkForSave(text: string, confirmWarnings: boolean, lint: LintOptions = {}): SaveCheck {
  const findings = lintScript(text, lint);
  if (hasErrors(findings)) return { ok: false, reason: 'errors', findings };
  if (findings.length > 0 && !confirmWarnings) return { ok: false, reason: 'unconfirmed-warnings', findings };
  return { ok: true, findings };
}

/** Two versions say the same thing (title, stage, types, tone, kind, text, fallbacks, tags). */
export const sameContent = (a: ScriptContent, b: ScriptContent): boolean =>
  JSON.stringify([a.title, a.stage, a.ownerTypes, a.tone, a.kind, a.text, a.fallbacks, a.tags]) ===
  JSON.stringify([b.title, b.stage, b.ownerTypes, b.tone, b.kind, b.text, b.fallbacks, b.tags]);

const contentOf = (version: ScriptVersion): ScriptContent => ({
  title: version.title,
  stage: version.stage,
  ownerTypes: version.ownerTypes,
  tone: version.tone,
  kind: version.kind,
  text: version.text,
  fallbacks: version.fallbacks,
  tags: version.tags,
});

/** A new version of an entry (or the first version of a new one). */
export function withNewVersion(entry: ScriptEntry | null, id: string, content: ScriptContent, author: Author, note: string): ScriptEntry {
  const version = entry ? currentVersion(entry).version + 1 : 1;
  const next: ScriptVersion = { ...content, version, author: author.name, ...(author.id ? { authorId: author.id } : {}), at: author.at, note };
  return entry ? { ...entry, versions: [...entry.versions, next] } : { id, archived: false, versions: [next] };
}

/** Restoring an old version adds a copy of it as the newest version: history is never rewritten. */
export function restoreVersion(entry: ScriptEntry, version: number, author: Author): ScriptEntry | null {
  const old = entry.versions.find((candidate) => candidate.version === version);
  if (!old) return null;
  return withNewVersion(entry, entry.id, contentOf(old), author, `恢复第 ${version} 版`);
}

export function duplicateEntry(entry: ScriptEntry, newId: string, author: Author): ScriptEntry {
  const content = contentOf(currentVersion(entry));
  return withNewVersion(null, newId, { ...content, title: `${content.title}（副本）`.slice(0, 40) }, author, `复制自「${content.title}」`);
}

/** A readable, unique id from a title: 'custom-' + time + counter. */
export function newScriptId(existing: ReadonlySet<string>, now: number): string {
  let n = 0;
  for (;;) {
    const id = `custom-${now.toString(36)}${n ? `-${n}` : ''}`;
    if (!existing.has(id)) return id;
    n += 1;
  }
}

export interface ImportReport {
  added: { id: string; title: string }[];
  updated: { id: string; title: string; from: number; to: number }[];
  unchanged: { id: string; title: string }[];
  conflicts: { id: string; title: string; reason: string }[];
  rejected: { id: string; title: string; reason: string }[];
}

/**
 * Merges an imported library into ours. New entries are added; an entry whose history extends ours is
 * updated; one that changed on both sides is a conflict and left alone; one whose text fails the lint is
 * rejected. Returns the merged entries and the report.
 */
export function mergeImported(ours: readonly ScriptEntry[], incoming: readonly ScriptEntry[], lint: LintOptions = {}): { entries: ScriptEntry[]; report: ImportReport } {
  const report: ImportReport = { added: [], updated: [], unchanged: [], conflicts: [], rejected: [] };
  const byId = new Map(ours.map((entry) => [entry.id, entry]));
  const order = ours.map((entry) => entry.id);
  for (const theirs of incoming) {
    const current = currentVersion(theirs);
    const errors = lintScript(current.text, lint).filter((finding) => finding.severity === 'error');
    if (errors.length) {
      report.rejected.push({ id: theirs.id, title: current.title, reason: errors.map((e) => `「${e.phrase}」${e.message}`).join('；') });
      continue;
    }
    const mine = byId.get(theirs.id);
    if (!mine) {
      byId.set(theirs.id, theirs);
      order.push(theirs.id);
      report.added.push({ id: theirs.id, title: current.title });
      continue;
    }
    const mineCurrent = currentVersion(mine);
    const theirsHasMine = theirs.versions.some((version) => version.version === mineCurrent.version && sameContent(version, mineCurrent));
    if (sameContent(current, mineCurrent) && mine.archived === theirs.archived) {
      report.unchanged.push({ id: theirs.id, title: current.title });
    } else if (theirsHasMine && current.version > mineCurrent.version) {
      byId.set(theirs.id, theirs);
      report.updated.push({ id: theirs.id, title: current.title, from: mineCurrent.version, to: current.version });
    } else {
      report.conflicts.push({
        id: theirs.id,
        title: current.title,
        reason: theirsHasMine ? '导入的版本比本地旧' : `两边都修改过（本地第 ${mineCurrent.version} 版，导入第 ${current.version} 版），请手工处理`,
      });
    }
  }
  return { entries: order.map((id) => byId.get(id)!), report };
}
