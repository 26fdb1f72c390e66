/**
 * Which scripts to suggest at a step of the call. Only scripts whose facts exist in this call: one that reads back
 * an agreement needs a pinned promise, one that names the revisit date needs a recorded repair, one that reads the
 * account needs the team's account (see variables.ts). Among those: the step's own stage first, then scripts
 * that use more of what this call is about (the recap after a promise, the repair close after a repair, the notice
 * it follows up), then a script written for this owner type before one written for everybody (and both before one
 * written for other types), the household's kind, the tone. Standing facts of the ledger or the team (a late fee,
 * the account) decide whether a script can be said, not how high it ranks: a late-fee line written for a wilful
 * owner must not outrank a hardship owner's own. Pure.
 */
import type { ScriptValues } from './render';
import { currentVersion, type ScriptEntry } from './schema';
import { ownerTypes, type OwnerType, type StageId, type Tone } from './stages';
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

/** Facts that hold for the household or the team whatever the call: they gate a script, they do not rank it. */
const standingFacts: ReadonlySet<VariableFact> = new Set<VariableFact>(['lateFee', 'account']);

/** 3 for a script written for this owner type, 1 for one written for every type, 0 for one written for others. */
export function ownerTypeFit(scriptTypes: readonly OwnerType[], ownerType: OwnerType): number {
  if (!scriptTypes.includes(ownerType)) return 0;
  return scriptTypes.length < ownerTypes.length ? 3 : 1;
}

export function suggestScripts(entries: readonly ScriptEntry[], stages: readonly StageId[], wanted: SuggestFor, values: ScriptValues = {}): ScriptEntry[] {
  const facts = factsIn(values);
  const score = (entry: ScriptEntry): number => {
    const version = currentVersion(entry);
    return (
      (stages.indexOf(version.stage) === 0 ? 100 : 0) +
      factsNeeded(version.text).filter((fact) => !standingFacts.has(fact)).length * 6 +
      ownerTypeFit(version.ownerTypes, wanted.ownerType) +
      (version.kind === wanted.kind ? 1 : 0) +
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
