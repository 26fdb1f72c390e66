/**
 * The compliance lint every script passes on save and on import, and every message before it is sent. Errors block
 * saving; warnings ask the lead to confirm. Each finding names the words as written, the law, and a compliant
 * direction. Pure, and fast enough to run on every keystroke.
 *
 * Errors: threats to stop water, power, heat or gas, or to lock lifts, gates, cars or visitors out, or to give access
 * only once paid (民法典 第944条); threats to publicise a debtor (民法典 第1034条, 个人信息保护法); claims that
 * unpaid fees hurt the owner's credit or status (misleading); insults; full mobile or ID numbers; unknown {variables}.
 * Warnings: pressure phrasing and comparisons with the neighbours worth a second look.
 *
 * How: the text is normalised (normalise.ts); each sentence's coercion cues are found (cues.ts) and masked so their
 * 不 is not read as a negation (negation.ts); each rule reads the sentence with the lexicons (lexicons.ts, plus the
 * lead's custom terms).
 */
import { creditThreatsIn } from './credit';
import { cuesOf } from './cues';
import { identifierFindings } from './identifiers';
import { insultsIn } from './insult';
import { lexiconsFor, type Lexicons } from './lexicon-set';
import type { Span } from './matcher';
import { findingTexts, type FindingText } from './messages';
import { answeredNo, maskSpans } from './negation';
import { normaliseText, originalSpan, type NormalisedText } from './normalise';
import { publicisingIn } from './publicise';
import { sentencesOf, type Sentence } from './sentences';
import { serviceThreatsIn, type SentenceContext } from './service-threats';
import type { LintFinding, LintOptions, LintRule, LintSeverity } from './types';

export { LINT_TERM_CATEGORIES, type LintTermCategoryInfo } from './categories';
export type { CustomLintTerm, LintFinding, LintOptions, LintRule, LintSeverity, LintTermCategory } from './types';

interface Hit extends Span {
  severity: LintSeverity;
  rule: LintRule;
  text: FindingText;
}

/** The script speaks of the fee somewhere: a status consequence elsewhere in it is about the fee. */
const DEBT = /欠|物业费|管理费|拖|交|缴|费/;
/** The owner's debt itself, named: a cut or a denial beside it is about the debt. */
const OWED = /欠|没钱|交不起|物业费|管理费|物管费|(?:没|不|未)(?:交|缴)|结清|补齐|补交|补缴|交清|缴清/;

/** A sentence this short after a condition is its consequence. */
const BARE = 10;

function sentenceHits(lex: Lexicons, text: string, masked: string, sentence: Sentence, context: SentenceContext): Hit[] {
  // 不交？挂你上电子屏！ A bare sentence after a condition is its consequence.
  const bare = context.previous?.cues.condition.length && sentence.end - sentence.start <= BARE && !context.cues.description;
  const cues = bare && context.cues.condition.length === 0 ? { ...context.cues, coerced: true, condition: [{ start: sentence.start, end: sentence.start }] } : context.cues;
  const hit = (rule: LintRule, texts: FindingText, severity: LintSeverity = 'error') => (span: Span): Hit => ({ ...span, rule, severity, text: texts });
  return [
    ...serviceThreatsIn(lex, text, masked, sentence, context).map((threat) =>
      hit('utility-cut', threat.domain === 'access' ? findingTexts.access : findingTexts.utility)(threat),
    ),
    ...publicisingIn(lex, text, masked, sentence, cues).map(hit('publicise', findingTexts.publicise)),
    ...creditThreatsIn(lex, text, masked, sentence, cues, DEBT.test(text)).map((threat) =>
      threat.courtAccount ? hit('pressure', findingTexts.courtList, 'warning')(threat) : hit('credit', findingTexts.credit)(threat),
    ),
    ...insultsIn(lex, text, masked, sentence).map(hit('insult', findingTexts.insult)),
    ...lex.pressure.find(text, sentence.start, sentence.end).map(hit('pressure', findingTexts.pressure, 'warning')),
    ...lex.shaming.find(text, sentence.start, sentence.end).map(hit('shaming', findingTexts.shaming, 'warning')),
  ];
}

/** Same-rule hits that overlap or touch become one finding: 停水停电, not 停水 and 停电. */
function merged(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.rule.localeCompare(b.rule) || a.start - b.start);
  const out: Hit[] = [];
  for (const hit of sorted) {
    const last = out[out.length - 1];
    if (last && last.rule === hit.rule && last.severity === hit.severity && hit.start <= last.end + 1) last.end = Math.max(last.end, hit.end);
    else out.push({ ...hit });
  }
  return out;
}

function toFinding(original: string, normalised: NormalisedText, hit: Hit): LintFinding {
  const { index, end } = originalSpan(normalised, hit.start, hit.end);
  return { severity: hit.severity, rule: hit.rule, phrase: original.slice(index, end), index, message: hit.text.message, advice: hit.text.advice };
}

export function lintScript(text: string, options: LintOptions = {}): LintFinding[] {
  const lex = lexiconsFor(options.customTerms);
  const normalised = normaliseText(text);
  const sentences = sentencesOf(normalised.text);
  const cues = sentences.map((sentence) => cuesOf(normalised.text, sentence));
  const masked = maskSpans(normalised.text, cues.flatMap((cue) => [...cue.condition, ...cue.gate]));
  const findings: LintFinding[] = [];
  const debtInText = OWED.test(normalised.text);
  sentences.forEach((sentence, i) => {
    const previous = i > 0 ? { sentence: sentences[i - 1]!, cues: cues[i - 1]! } : undefined;
    let hits = merged(sentenceHits(lex, normalised.text, masked, sentence, { cues: cues[i]!, previous, debtInText, next: sentences[i + 1] }));
    // 停水？不会的。 The question is answered no: only an insult stays.
    if (answeredNo(normalised.text, sentence, sentences[i + 1])) hits = hits.filter((hit) => hit.rule === 'insult' || hit.severity === 'warning');
    for (const hit of hits) findings.push(toFinding(text, normalised, hit));
  });
  for (const found of identifierFindings(text)) {
    findings.push({ severity: 'error', rule: found.rule, phrase: found.phrase, index: found.index, message: found.message, advice: found.advice });
  }
  const seen = new Set<string>();
  return findings
    .filter((finding) => {
      const key = `${finding.rule}@${finding.index}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .sort((a, b) => a.index - b.index || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export const hasErrors = (findings: readonly LintFinding[]): boolean => findings.some((finding) => finding.severity === 'error');
