/**
 * Fresh sets (`{ text, violation, kind }` lines, the rule following from the kind) as corpus lines: tests/lint-fresh
 * (written by someone who had not read the lint), fresh-own.ts and probes.ts (written by the maintainer). A
 * written-differently line may break any rule, so any error catches it.
 *
 * Protocol: set A was measured untouched first (74.3% recall, 4.0% false alarms), then tuned on by kinds; set B was
 * not looked at until tuning on everything else was done, then measured once untouched (85.7%, 2.0%: the honest
 * estimate), then tuned on as well (WeChat messages that punctuate with spaces, a reason that is the debt itself,
 * 视缴费情况, retractions). Set C (a lead's long drafts, 公文 and notices) was measured untouched (91.4%, 12.0%:
 * prohibitions over a 、 list, 关 in 无关, reported worries and questions), then tuned on by kinds; set D (short
 * blunt lines, typos and homophones, pinyin, English, dialects, sarcasm) was not looked at until then, and measured
 * once untouched (62.9%, 6.0%: the honest estimate for that style), then tuned on as well (a bare question as the
 * condition, a topic asked in the sentence before, the debt given in the sentence after, taunts, dialect words).
 * Set E (transcribed phone turns: fillers, self-corrections, run-on speech, the owner quoted then answered) was
 * measured untouched (85.0%, 2.5%: English words and letters spelled out one by one, veiled consequences, a gate
 * whose topic is in the turn before, the owner's words quoted), then tuned on by kinds; set F (mixed intent,
 * rhetorical questions, 好心提醒, "别的小区都这样", time pressure, sarcasm) was not looked at until then, and measured
 * once untouched (75.0%, 0.0%: the honest estimate for that style), then tuned on as well (pinyin disguised with
 * digits and marks, rhetorical questions that the service will go on, a threat disowned as it is made, a consequence
 * left unnamed, sarcastic praise, teachers and parents told). Set G (a burnt-out steward venting and drafting, heavy
 * Guangdong, Fujian, Sichuan and Northeastern dialect) was measured untouched (75.0%, 0.0%: the owner's troubles left
 * to wait, service "adjusted", lines drafted as 跟他说：…, Hokkien and Sichuan words, the child's school group), then
 * tuned on by kinds; set H (a model steward's firm but lawful lines, mixed with threats polite on the surface) was not
 * looked at until then, and measured once untouched (84.4%, 1.8%: the honest estimate for that style), then tuned on
 * as well (help withheld or left in doubt, paying asked for so a service is spared, pinyin with tone marks, a credit
 * topic raised then denied).
 * Set I (the formal written register: SMS templates, notices, announcements, letters to debtors) was measured untouched
 * (71.2%, 8.7%: a reason that is the debt (鉴于…拖欠), 拒缴 and the written 若/如, consequences put on the owner or
 * disowned (一切后果由业主承担, 概不负责), 待…处理完毕后, a gate itself forbidden, 其单位, names published with the
 * accounts, a staff member's personal bank card), then tuned on by kinds; set J (young stewards' casual internet style:
 * emoji, homophones, dialects) was not looked at until then, and measured once untouched (74.6%, 8.7%: the honest
 * estimate for that style: emoji for a service or inside a word, English spaced inside Chinese, 亭水 and wy费, 别说没通知
 * read as a notice, an unnamed mishap then 别怪我们没提醒, Cantonese 度 and 成栋, 大家评评理), then tuned on as well.
 * All now meet the corpus targets and are part of the regression test.
 */
import type { LintRule } from '../../scripts-library/lint';
import { lines as setA } from '../lint-fresh/set-a';
import { lines as setB } from '../lint-fresh/set-b';
import { lines as setC } from '../lint-fresh/set-c';
import { lines as setD } from '../lint-fresh/set-d';
import { lines as setE } from '../lint-fresh/set-e';
import { lines as setF } from '../lint-fresh/set-f';
import { lines as setG } from '../lint-fresh/set-g';
import { lines as setH } from '../lint-fresh/set-h';
import { lines as setI } from '../lint-fresh/set-i';
import { lines as setJ } from '../lint-fresh/set-j';
import { lines as own } from './fresh-own';
import { lines as probes } from './probes';
import type { CompliantLine, LintCorpusKind, ViolationLine } from './types';

interface RawLine {
  text: string;
  violation: boolean;
  kind: string;
}

const RULE_OF: Partial<Record<LintCorpusKind, LintRule>> = {
  'direct-threat': 'utility-cut',
  'threat-by-consequence': 'utility-cut',
  'access-threat': 'utility-cut',
  'access-gated': 'utility-cut',
  publicise: 'publicise',
  credit: 'credit',
  insult: 'insult',
  'personal-number': 'personal-number',
  variable: 'unknown-variable',
};

export interface FreshSet {
  name: string;
  violations: ViolationLine[];
  compliant: CompliantLine[];
  /** The figures when the set was first measured, untouched. */
  firstMeasured: { recall: number; falseAlarmRate: number };
  /** Whether the lint was then tuned on the set's kinds. */
  usedForTuning: boolean;
}

function asCorpus(lines: readonly RawLine[]): Pick<FreshSet, 'violations' | 'compliant'> {
  const violations: ViolationLine[] = [];
  const compliant: CompliantLine[] = [];
  for (const line of lines) {
    const kind = line.kind as LintCorpusKind;
    if (!line.violation) compliant.push({ text: line.text, kind });
    else violations.push({ text: line.text, kind: kind as ViolationLine['kind'], rule: RULE_OF[kind] });
  }
  return { violations, compliant };
}

export const freshSets: readonly FreshSet[] = [
  { name: 'fresh set A', ...asCorpus(setA), firstMeasured: { recall: 0.743, falseAlarmRate: 0.04 }, usedForTuning: true },
  { name: 'fresh set B', ...asCorpus(setB), firstMeasured: { recall: 0.857, falseAlarmRate: 0.02 }, usedForTuning: true },
  { name: 'fresh set C', ...asCorpus(setC), firstMeasured: { recall: 0.914, falseAlarmRate: 0.12 }, usedForTuning: true },
  { name: 'fresh set D', ...asCorpus(setD), firstMeasured: { recall: 0.629, falseAlarmRate: 0.06 }, usedForTuning: true },
  { name: 'fresh set E', ...asCorpus(setE), firstMeasured: { recall: 0.85, falseAlarmRate: 0.025 }, usedForTuning: true },
  { name: 'fresh set F', ...asCorpus(setF), firstMeasured: { recall: 0.75, falseAlarmRate: 0 }, usedForTuning: true },
  { name: 'fresh set G', ...asCorpus(setG), firstMeasured: { recall: 0.75, falseAlarmRate: 0 }, usedForTuning: true },
  { name: 'fresh set H', ...asCorpus(setH), firstMeasured: { recall: 0.844, falseAlarmRate: 0.018 }, usedForTuning: true },
  { name: 'fresh set I', ...asCorpus(setI), firstMeasured: { recall: 0.712, falseAlarmRate: 0.087 }, usedForTuning: true },
  { name: 'fresh set J', ...asCorpus(setJ), firstMeasured: { recall: 0.746, falseAlarmRate: 0.087 }, usedForTuning: true },
  { name: 'own fresh lines', ...asCorpus(own), firstMeasured: { recall: 0.722, falseAlarmRate: 0.083 }, usedForTuning: true },
  // Ten rounds, each measured before tuning on it; the figure is the mean of the rounds' first measures.
  { name: 'own probe rounds', ...asCorpus(probes), firstMeasured: { recall: 0.61, falseAlarmRate: 0.02 }, usedForTuning: true },
];
