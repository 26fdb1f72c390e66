/**
 * Threats to water, power, heat and gas, and to lifts, gates, cars and visitors (民法典 第944条). A harm — a cut
 * (停, 注销), a denial (不给开), a block (刷不开), a restriction (限时供水, 只能到一楼), a veiled consequence
 * (不方便) or a delay — stands beside a service or access word. It is a threat when a coercion cue ties it to the
 * fee, or when it is aimed at the owner with no fault or plan described; never when negated. Access given only
 * once paid (交清后才开通) is the same threat. A service's own fee (停车费 for the parking card) is no coercion. Pure.
 */
import { futureBefore, hearsayBefore, stateQuestionAfter, type SentenceCues } from './cues';
import type { Lexicons } from './lexicon-set';
import type { Scanner, Span } from './matcher';
import { isNegated, negatedBefore } from './negation';
import { clauseAt, type Sentence } from './sentences';

type HarmKind = 'cut' | 'fused' | 'deny' | 'blocked' | 'restrict' | 'lift' | 'vague' | 'delay';

interface Harm extends Span {
  kind: HarmKind;
  term: string;
}

export interface Service extends Span {
  domain: 'utility' | 'access';
  term: string;
}

export interface ServiceThreat extends Span {
  domain: 'utility' | 'access';
}

/** Overlapping harms are one harm, the longest (停暖 rather than 停). */
function longestFirst(harms: Harm[]): Harm[] {
  const kept: Harm[] = [];
  for (const harm of [...harms].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((other) => harm.start < other.end && other.start < harm.end)) kept.push(harm);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Where each kind of harm is found. */
const harmScanners = (lex: Lexicons): [HarmKind, Scanner][] => [
  ['fused', lex.utilityFused],
  ['cut', lex.cut],
  ['restrict', lex.restrict],
  ['restrict', lex.lowFloorsOnly],
  ['restrict', lex.basicOnly],
  ['blocked', lex.blocked],
  ['blocked', lex.cannot],
  ['deny', lex.deny],
  ['lift', lex.liftSkipsFloor],
  ['vague', lex.vague],
  ['vague', lex.degraded],
  ['delay', lex.delay],
  ['delay', lex.delayed],
];

function harmsOf(lex: Lexicons, text: string, sentence: Span): Harm[] {
  return longestFirst(harmScanners(lex).flatMap(([kind, scanner]) => scanner.find(text, sentence.start, sentence.end).map((hit) => ({ ...hit, kind }))));
}

export function servicesOf(lex: Lexicons, text: string, sentence: Span): Service[] {
  return [
    ...lex.utility.find(text, sentence.start, sentence.end).map((hit) => ({ ...hit, domain: 'utility' as const })),
    ...lex.access.find(text, sentence.start, sentence.end).map((hit) => ({ ...hit, domain: 'access' as const })),
  ];
}

const UTILITY_CHAR = '(水电气暖|水电气|水电|水|电|气|暖)';
const CHAR_AFTER_HARM = new RegExp(`^(?:给|把)?(?:您|你)?(?:们)?(?:家)?(?:里)?(?:的|个)?${UTILITY_CHAR}(?![梯话视脑子动影池瓶费卡表闸源压量])`);
const CHAR_BEFORE_HARM = /(?<![生客天脾口雨香汽])(水电气暖|水电气|水电|水|电|气|暖|车|门)(?:的(?:供应|供给|使用|用量))?[就也都给被会要得可能我们你您先再直接马上统一一律这块边很难]{0,6}$/;

/** 停您家的水, 水电都会被停掉, 电我们就掐了, 车就拦下来: a single-character service or access right beside a harm. */
function charServiceBeside(text: string, sentence: Span, harm: Harm): Service | null {
  const after = harm.kind === 'cut' ? CHAR_AFTER_HARM.exec(text.slice(harm.end, Math.min(sentence.end, harm.end + 8))) : null;
  if (after) {
    const end = harm.end + after[0].length;
    return { start: end - after[1]!.length, end, domain: 'utility', term: after[1]! };
  }
  const windowStart = Math.max(sentence.start, harm.start - 9);
  const before = CHAR_BEFORE_HARM.exec(text.slice(windowStart, harm.start));
  if (before) {
    const start = windowStart + before.index;
    const term = before[1]!;
    return { start, end: start + term.length, domain: term === '车' || term === '门' ? 'access' : 'utility', term };
  }
  return null;
}

const MAX_GAP = 14;
const gap = (a: Span, b: Span): number => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/** The service a harm is about, if any: the nearest one within reach that the harm can apply to. */
function serviceOf(lex: Lexicons, text: string, sentence: Sentence, harm: Harm, services: readonly Service[]): Service | null {
  if (harm.kind === 'fused') return { start: harm.start, end: harm.end, domain: 'utility', term: harm.term };
  if (harm.kind !== 'lift') {
    const beside = charServiceBeside(text, sentence, harm);
    if (beside && !(harm.term.startsWith('停') && beside.term === '车')) return beside;
  }
  const usable = services.filter((service) => {
    if (harm.kind === 'lift') return lex.lift.has(service.term);
    if (harm.term.startsWith('停') && lex.parking.has(service.term)) return false;
    return gap(service, harm) <= MAX_GAP && !(service.start <= harm.start && service.end >= harm.end && harm.kind !== 'deny');
  });
  const nearest = usable.sort((a, b) => gap(a, harm) - gap(b, harm))[0];
  if (!nearest || notTheirs(text, sentence, nearest)) return null;
  return nearest;
}

/** 不是您家客人: the service named is not the owner's. */
const notTheirs = (text: string, sentence: Sentence, service: Span): boolean => /(?:不是|并非|不算)(?:您|你)?(?:家)?(?:的)?$/.test(text.slice(clauseAt(sentence, service.start).start, service.start));

/** A service's own fee paid for that service (停车费 for the parking card), with no property fee beside it. */
function paysItsOwnFee(lex: Lexicons, text: string, sentence: Span, service: Service): boolean {
  const own = lex.ownFees.filter((group) => group.fees.has(text, sentence.start, sentence.end));
  if (own.length === 0) return false;
  if (!own.some((group) => group.services.some((word) => service.term.includes(word) || word.includes(service.term)))) return false;
  const feeSpans = own.flatMap((group) => group.fees.find(text, sentence.start, sentence.end));
  return !lex.arrears.find(text, sentence.start, sentence.end).some((hit) => !feeSpans.some((fee) => hit.start >= fee.start && hit.end <= fee.end));
}

const DIRECTED_KINDS: ReadonlySet<HarmKind> = new Set(['cut', 'fused', 'deny', 'blocked', 'restrict', 'lift']);

/** Aimed at the owner, by someone set on doing it, with nothing described that explains it. */
function aimedWithoutReason(text: string, sentence: Sentence, harm: Harm, span: Span, cues: SentenceCues): boolean {
  if (!DIRECTED_KINDS.has(harm.kind) || cues.description || cues.offered) return false;
  const clause = clauseAt(sentence, harm.start);
  if (stateQuestionAfter(text, span.end) || hearsayBefore(text, span.start, clause.start)) return false;
  // A notice names a date (小区明天停水): a date alone aims a fused cut at no one.
  const future = harm.kind !== 'fused' && futureBefore(text, harm.start, clause.start);
  if (harm.kind === 'blocked') return cues.agent || future;
  return cues.target || cues.agent || future;
}

/** Every service threat in a sentence, with the words it spans. */
export interface SentenceContext {
  cues: SentenceCues;
  /** The sentence before: a condition there carries a veiled consequence here; its services are the topic of a gate. */
  previous?: { sentence: Sentence; cues: SentenceCues };
}

export function serviceThreatsIn(lex: Lexicons, text: string, masked: string, sentence: Sentence, context: SentenceContext): ServiceThreat[] {
  const { cues, previous } = context;
  const previousCoerced = previous?.cues.coerced ?? false;
  const harms = harmsOf(lex, text, sentence);
  if (harms.length === 0 && cues.gate.length === 0) return [];
  const services = servicesOf(lex, text, sentence);
  const threats: ServiceThreat[] = [];
  for (const harm of harms) {
    const service = serviceOf(lex, text, sentence, harm, services);
    if (!service || paysItsOwnFee(lex, text, sentence, service)) continue;
    const span = { start: Math.min(harm.start, service.start), end: Math.max(harm.end, service.end) };
    if (isNegated(masked, sentence, harm) || negatedBefore(masked, sentence, span.start)) continue;
    const veiled = harm.kind === 'vague' || harm.kind === 'delay';
    const coerced = cues.coerced || (veiled && previousCoerced && cues.target);
    if (coerced || aimedWithoutReason(text, sentence, harm, span, cues)) threats.push({ ...span, domain: service.domain });
  }
  // Access given only once paid: 门禁卡要等您缴清了才能开通 (or 月卡到期了吧？先把物业费补齐，我才能给您续).
  const topics = services.length > 0 || !previous ? services : servicesOf(lex, text, previous.sentence);
  if (cues.gate.length > 0 && topics.length > 0 && lex.enabling.has(text, sentence.start, sentence.end)) {
    for (const service of topics) {
      if (paysItsOwnFee(lex, text, sentence, service) || (services.length > 0 && isNegated(masked, sentence, service))) continue;
      const gate = cues.gate[0]!;
      threats.push(services.length > 0 ? { start: service.start, end: service.end, domain: service.domain } : { start: gate.start, end: gate.end, domain: service.domain });
      break;
    }
  }
  return threats;
}
