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
const TOPIC_DENIED = /^(?:的)?(?:问题|事|情况)[^]*(?:不属于|不会|不涉及|不纳入|无关|没有(?:任何)?关系)/;
/** Paying asked for so something is not affected. */
const KEEP_STATUS = /(?:为了|为)(?:不|避免|防止)(?:影响|耽误)|以免(?:影响|耽误)|免得(?:影响|耽误)/;
const PAY_ASKED = /(?:请|建议|尽快|及时|尽早|记得|务必|按时)[^，。！？,!?]{0,8}(?:缴|交|结清|补齐|补缴|付)(?!清证明|款凭证)/;
/** The owner's family and future. */
const STATUS_HINT = /孩子|子女|小孩|前途|将来办|以后办|办事/;
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
  // 为了不影响您家孩子以后办事，建议尽快把物业费交了: paying asked for so the owner's status is spared.
  const keep = KEEP_STATUS.exec(slice);
  if (keep && PAY_ASKED.test(slice)) {
    const at = start + keep.index + keep[0].length;
    const after = text.slice(at, Math.min(end, at + 14));
    if (STATUS_HINT.test(after) || lex.status.has(text, at, Math.min(end, at + 14))) found.push({ start: start + keep.index, end: at, courtAccount: false });
  }
  for (const hit of lex.creditDirect.find(text, start, end)) {
    // 不会将业主欠费信息报送征信机构: a denial governs the whole clause before the credit word.
    if (isNegated(masked, sentence, hit, CLAUSE_REACH) || (!cues.coerced && WORRY.test(text.slice(start, hit.start)))) continue;
    // 关于征信的问题，我可以明确告诉您：物业费欠费不属于征信记录范围: the topic raised, then denied.
    if (!cues.coerced && /关于$/.test(text.slice(Math.max(start, hit.start - 2), hit.start)) && TOPIC_DENIED.test(text.slice(hit.end, end))) continue;
    // The court route described (判决后拒不履行的, 法院才可能…), not predicted for the owner (以后会被法院列为失信人).
    const predicted = PREDICTED.test(text.slice(start, hit.start));
    // 法院可依法强制执行，届时可能影响信用: a credit consequence of the court's enforcement, told after it.
    const ofTheCourt = lex.courtList.has(hit.term) || lex.court.has(text, start, hit.start);
    found.push({ start: hit.start, end: hit.end, courtAccount: court && !cues.coerced && !predicted && ofTheCourt });
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
