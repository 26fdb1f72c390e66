/**
 * The compliance lint's evaluation corpus: lines written the way stewards really talk (口语, WeChat-style,
 * regional), grouped by the kinds of the issue that asked for a lint that generalises. A violation names the
 * rule that must block it; a compliant line uses the same risky words innocently and must pass without an error.
 */
import type { LintRule } from '../../scripts-library/lint';

export type LintCorpusKind =
  /** Full-width, traditional characters, spaces or punctuation inside a word, Cantonese and other regional forms. */
  | 'written-differently'
  /** Threats to stop water, power, heat or gas by the verb (停, 断, 关, 拉闸 …). */
  | 'direct-threat'
  /** Threats by consequence or condition: lowered pressure, rationing, heat not turned on, a card that will not top up. */
  | 'threat-by-consequence'
  /** Lifts, gates, car plates, face-recognition, visitors: access cut or denied. */
  | 'access-threat'
  /** Access activated, renewed or extended only once the fee is paid. */
  | 'access-gated'
  /** Screens, boards, the owners' meeting, group chats, @-mentions, the employer, relatives, neighbours. */
  | 'publicise'
  /** Credit and status: the credit register, loans, schooling, political checks, dishonest-debtor lists. */
  | 'credit'
  /** Blunt, sarcastic and regional insults. */
  | 'insult'
  /** Mobile and ID numbers in every written form. */
  | 'personal-number'
  /** {变量} spelled with spaces or full-width braces. */
  | 'variable'
  /** Compliant only: reported outages, planned stops, broken readers, maintenance, assurances, negations. */
  | 'false-alarm';

export interface ViolationLine {
  text: string;
  kind: Exclude<LintCorpusKind, 'false-alarm'>;
  /** The rule that must report it as an error; none for a fresh written-differently line (any error catches it). */
  rule?: LintRule;
}

export interface CompliantLine {
  text: string;
  kind: LintCorpusKind;
}

/** A line of a fresh set (tests/lint-fresh, tests/lint-corpus/fresh-own.ts): the rule follows from the kind. */
export interface FreshLine {
  text: string;
  violation: boolean;
  kind: LintCorpusKind;
}
