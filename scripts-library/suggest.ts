/**
 * Which scripts to suggest at a step of the call: the step's stages (its own first), the household's kind,
 * then the owner type and the chosen tone. Pure.
 */
import { currentVersion, type ScriptEntry } from './schema';
import type { OwnerType, StageId, Tone } from './stages';

export interface SuggestFor {
  ownerType: OwnerType;
  kind: '住宅' | '商铺';
  tone: Tone;
}

export function suggestScripts(entries: readonly ScriptEntry[], stages: readonly StageId[], wanted: SuggestFor): ScriptEntry[] {
  const score = (entry: ScriptEntry): number => {
    const version = currentVersion(entry);
    return (stages.indexOf(version.stage) === 0 ? 4 : 0) + (version.ownerTypes.includes(wanted.ownerType) ? 2 : 0) + (version.tone === wanted.tone ? 1 : 0);
  };
  return entries
    .filter((entry) => {
      const version = currentVersion(entry);
      return !entry.archived && stages.includes(version.stage) && (version.kind === '通用' || version.kind === wanted.kind);
    })
    .map((entry) => ({ entry, score: score(entry) }))
    .sort((a, b) => b.score - a.score)
    .map(({ entry }) => entry);
}
