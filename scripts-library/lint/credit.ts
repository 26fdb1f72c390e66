/**
 * Credit and status threats (misleading: property fees are not reported to the 人民银行 credit register, and only a
 * court lists a dishonest debtor): a credit word in itself (征信, 信用档案, 失信被执行人), or a status word with a
 * consequence beside it and the debt in view (孩子上学 … 受影响, 政审 … 会查, 贷款 … 批不下来). Not when negated
 * or denied (跟征信没有关系, 那是谣言). A dishonest-debtor term beside a court judgment, with no coercion, is an
 * accurate account of the law: a warning. Pure.
 */
import type { SentenceCues } from './cues';
import type { Lexicons } from './lexicon-set';
import type { Span } from './matcher';
import { isNegated } from './negation';
import type { Sentence } from './sentences';

export interface CreditThreat extends Span {
  /** 失信被执行人 beside 法院判决, with no coercion: a warning, not an error. */
  courtAccount: boolean;
}

const REACH = 14;
const CLAUSE_REACH = 20;
/** A listing foretold for the owner: 您会被列为, 以后会被法院列为. */
const PREDICTED = /(?:会被|将被|就会被|肯定被|就被|以后会|到时候)/;
/** A question asked in earnest (会影响孩子读书吗), not a rhetorical one (您不怕孩子入学受影响吗). */
const EARNEST_QUESTION = /(?:吗|么|吧|呢)$/;
const RHETORICAL = /不怕|难道|就不|不担心|想过|有没有想|不希望|不想|不愿意/;
/** Worry or hearsay before a credit word: 您是担心上征信吗. */
const WORRY = /(?:担心|害怕|(?<!不)怕|以为|听说|网上说|有人说|(?:您|你)(?:是)?(?:问|想问|想知道|关心|咨询))[^，。！？,!?]*$/;

/** 会不会影响, 是不是要查: a question. */
const A_NOT_A = /(?:会不会|是不是|能不能|有没有|要不要)[^，,]{0,3}$/;

/**
 * @param debtInView whether the script speaks of the fee anywhere (weaker consequences such as 麻烦 count only then).
 */
export function creditThreatsIn(lex: Lexicons, text: string, masked: string, sentence: Sentence, cues: SentenceCues, debtInView: boolean): CreditThreat[] {
  const found: CreditThreat[] = [];
  const { start, end } = sentence;
  const court = lex.court.has(text, start, end);
  const slice = text.slice(start, end);
  for (const hit of lex.creditDirect.find(text, start, end)) {
    // 不会将业主欠费信息报送征信机构: a denial governs the whole clause before the credit word.
    if (isNegated(masked, sentence, hit, CLAUSE_REACH) || (!cues.coerced && WORRY.test(text.slice(start, hit.start)))) continue;
    // The court route described (判决后拒不履行的, 法院才可能…), not predicted for the owner (以后会被法院列为失信人).
    const predicted = PREDICTED.test(text.slice(start, hit.start));
    found.push({ start: hit.start, end: hit.end, courtAccount: court && !cues.coerced && !predicted && lex.courtList.has(hit.term) });
  }
  if (found.length > 0 || (EARNEST_QUESTION.test(slice) && !RHETORICAL.test(slice) && !cues.coerced)) return found;
  const feeInView = cues.coerced || debtInView;
  const consequences = [...lex.consequences.find(text, start, end), ...(feeInView ? lex.weakConsequences.find(text, start, end) : [])];
  for (const status of lex.status.find(text, start, end)) {
    const consequence = consequences.find((c) => c.start >= status.end - 1 ? c.start - status.end <= REACH : status.start - c.end <= REACH);
    if (!consequence || isNegated(masked, sentence, consequence) || isNegated(masked, sentence, status)) continue;
    // 业主问会不会影响孩子上学: a question asked or reported, not a consequence foretold.
    const first = Math.min(status.start, consequence.start);
    if (!cues.coerced && (A_NOT_A.test(text.slice(Math.max(start, first - 4), first)) || WORRY.test(text.slice(start, first)))) continue;
    found.push({ start: Math.min(status.start, consequence.start), end: Math.max(status.end, consequence.end), courtAccount: false });
    break;
  }
  return found;
}
