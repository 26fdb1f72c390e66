/**
 * Which scripts to suggest at a step of the call. Only scripts whose facts exist in this call: one that reads back
 * an agreement needs a pinned promise, one that names the revisit date needs a recorded repair, one that reads the
 * account needs the team's account (see variables.ts). Among those: the step's own stage first, then scripts
 * that use more of what this call established (the recap after a promise, the repair close after a repair), the
 * household's kind, the owner type and the tone. Pure.
 */
import type { ScriptValues } from './render';
import { currentVersion, type ScriptEntry } from './schema';
import type { OwnerType, StageId, Tone } from './stages';
import { factsNeeded, variables, type VariableFact } from './variables';

export interface SuggestFor {
  ownerType: OwnerType;
  kind: '住宅' | '商铺';
  tone: Tone;
}

/** The facts of the call that the values carry (a fact is there when any of its variables has a value). */
export function factsIn(values: ScriptValues): Set<VariableFact> {
  const facts = new Set<VariableFact>(['household']);
  for (const variable of variables) if (values[variable.name]?.trim()) facts.add(variable.fact);
  return facts;
}

/** Whether a script can be said in this call: every fact it needs is there. */
export function canSay(text: string, facts: ReadonlySet<VariableFact>): boolean {
  return factsNeeded(text).every((fact) => facts.has(fact));
}

export function suggestScripts(entries: readonly ScriptEntry[], stages: readonly StageId[], wanted: SuggestFor, values: ScriptValues = {}): ScriptEntry[] {
  const facts = factsIn(values);
  const score = (entry: ScriptEntry): number => {
    const version = currentVersion(entry);
    return (
      (stages.indexOf(version.stage) === 0 ? 16 : 0) +
      factsNeeded(version.text).length * 4 +
      (version.ownerTypes.includes(wanted.ownerType) ? 2 : 0) +
      (version.tone === wanted.tone ? 1 : 0)
    );
  };
  return entries
    .filter((entry) => {
      const version = currentVersion(entry);
      return !entry.archived && stages.includes(version.stage) && (version.kind === '通用' || version.kind === wanted.kind) && canSay(version.text, facts);
    })
    .map((entry) => ({ entry, score: score(entry) }))
    .sort((a, b) => b.score - a.score)
    .map(({ entry }) => entry);
}
