/**
 * Threats to water, power, heat and gas, and to lifts, gates, cars and visitors (民法典 第944条). A harm — a cut
 * (停, 注销), a denial (不给开), a block (刷不开), a restriction (限时供水, 只能到一楼), a veiled consequence
 * (不方便) or a delay — stands beside a service or access word. It is a threat when a coercion cue ties it to the
 * fee (in the sentence, or in the one before when this one is aimed at the owner: 您不交是吧？那我就把您家电表锁了), or
 * when it is aimed at the owner, or the script speaks of the debt at all, with no fault or plan described; never when
 * negated. Access given only once paid (交清后才开通), or back to normal once paid (交了就正常了), is the same threat.
 * A service's own fee (停车费 for the parking card) is no coercion. Pure.
 */
import { futureBefore, hearsayBefore, reportedBefore, stateQuestionAfter, type SentenceCues } from './cues';
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
  ['restrict', lex.rationed],
  ['vague', lex.stillWant],
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
const CHAR_AFTER_HARM = new RegExp(`^(?:了|掉)?(?:给|把)?(?:您|你)?(?:们)?(?:家)?(?:里)?(?:的|个)?(${UTILITY_CHAR}(?![梯话视脑子动影池瓶费卡表闸源压量])|什么(?![时事原问]|样)|啥)`);
const CHAR_BEFORE_HARM = /(?<![生客天脾口雨香汽])(水电气暖|水电气|水电|水|电|气|暖|车|门)(?:的(?:供应|供给|使用|用量))?[就也都给被会要得可能我们你您先再直接马上统一一律这块边很难呢啊吧嘛呀是以后明今天下周月底早晚那]{0,8}$/;
/** A single-character service as the topic of the sentence: 欠费户家里的水，白天只给供两个钟头. */
const TOPIC_CHAR = /(?:的|家|户)(水电|水|电|气|暖|暖气)(?:呢|啊|吧|嘛|呀)?[，,]/g;

/** 停您家的水, 水电都会被停掉, 电我们就掐了, 车就拦下来: a single-character service or access right beside a harm. */
function charServiceBeside(text: string, sentence: Span, harm: Harm): Service | null {
  const after = harm.kind === 'cut' ? CHAR_AFTER_HARM.exec(text.slice(harm.end, Math.min(sentence.end, harm.end + 8))) : null;
  if (after) {
    const end = harm.end + after[0].length;
    return { start: end - after[1]!.length, end, domain: 'utility', term: after[1]! };
  }
  const windowStart = Math.max(sentence.start, harm.start - 11);
  const before = CHAR_BEFORE_HARM.exec(text.slice(windowStart, harm.start));
  if (before) {
    const start = windowStart + before.index;
    const term = before[1]!;
    return { start, end: start + term.length, domain: term === '车' || term === '门' ? 'access' : 'utility', term };
  }
  return null;
}

const MAX_GAP = 14;
/** Under a coercion cue the service may be named further back in the sentence (您这车位啊，再不交，我们就把地锁给您锁上). */
const MAX_GAP_COERCED = 30;
const gap = (a: Span, b: Span): number => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/** The service a harm is about, if any: the nearest one within reach that the harm can apply to. */
function serviceOf(lex: Lexicons, text: string, sentence: Sentence, harm: Harm, services: readonly Service[], coerced: boolean): Service | null {
  const reach = coerced ? MAX_GAP_COERCED : MAX_GAP;
  if (harm.kind === 'fused') return { start: harm.start, end: harm.end, domain: 'utility', term: harm.term };
  if (harm.kind !== 'lift') {
    const beside = charServiceBeside(text, sentence, harm);
    if (beside && !(harm.term.startsWith('停') && beside.term === '车')) return beside;
  }
  const usable = services.filter((service) => {
    if (harm.kind === 'lift') return lex.lift.has(service.term);
    if (harm.term.startsWith('停') && lex.parking.has(service.term)) return false;
    return gap(service, harm) <= reach && !(service.start <= harm.start && service.end >= harm.end && harm.kind !== 'deny');
  });
  const nearest = usable.sort((a, b) => gap(a, harm) - gap(b, harm))[0];
  if (nearest) return notTheirs(text, sentence, nearest) ? null : nearest;
  return coerced && harm.kind !== 'lift' ? topicBefore(text, sentence, harm) : null;
}

function topicBefore(text: string, sentence: Span, harm: Span): Service | null {
  const slice = text.slice(sentence.start, harm.start);
  TOPIC_CHAR.lastIndex = 0;
  const match = TOPIC_CHAR.exec(slice);
  if (!match) return null;
  const start = sentence.start + match.index + match[0].indexOf(match[1]!);
  return { start, end: start + match[1]!.length, domain: 'utility', term: match[1]! };
}

/** 不是您家客人: the service named is not the owner's. */
const notTheirs = (text: string, sentence: Sentence, service: Span): boolean => /(?:不是|并非|不算)(?:您|你)?(?:家)?(?:的)?$/.test(text.slice(clauseAt(sentence, service.start).start, service.start));

/** A service's own fee paid for that service (停车费 for the parking card), with no property fee beside it. */
function paysItsOwnFee(lex: Lexicons, text: string, sentence: Span, service: Service): boolean {
  const outside = (hit: Span) => hit.end <= service.start || hit.start >= service.end;
  const own = lex.ownFees.filter((group) => group.fees.find(text, sentence.start, sentence.end).some(outside));
  if (own.length === 0) return false;
  if (!own.some((group) => group.services.some((word) => service.term.includes(word) || word.includes(service.term)))) return false;
  const feeSpans = own.flatMap((group) => group.fees.find(text, sentence.start, sentence.end));
  return !lex.arrears.find(text, sentence.start, sentence.end).some((hit) => !feeSpans.some((fee) => hit.start >= fee.start && hit.end <= fee.end));
}

/** What paying itself yields, handed over once paid: 缴费以后收据给您送上门 is no gate. */
/** The proof as the thing handed over: nothing else named between it and the service (发票和门禁卡 is still a gate). */
const PAYMENT_PROOF = /(?:收据|发票|票据|凭证|回执|缴费证明|缴费记录)[^和与及、，,跟还]{0,6}$/;

/** Paid, and the service is back to normal: 交了就正常了, 交了钱暖气自然就热了 (so it is held back until then). */
const RESTORED = /(?:交|缴|付|结|补)(?:了|清|齐|完|上)(?:钱|费|物业费|欠费)?[^，。！？,!?]{0,8}?(?:就|自然|马上|立刻)(?:会|能)?(?:正常|恢复|热|暖和|有水|有电|来电|来水|通|好使|能用)/;

/** 物业费先清了咱再聊: the service put off until paid. */
const TALK_LATER = /(?:再|才)(?:说|谈|聊|议|商量|考虑|研究|处理)/;

/** The harm itself supposed (您家电梯卡要是用不了，随时来前台): a fault the owner may meet, not a threat. */
const HYPOTHETICAL = /(?:要是|如果|万一|假如|若是|假设|一旦)[^，,]{0,6}$/;

/** The service given whatever is paid: 物业费没交的话也别担心，车照样能进地库. */
const UNCONDITIONAL = /照样|照常|一样(?:能|可以)?(?:用|进|刷|坐|开)|正常(?:使用|用|进出|提供)|不受影响/;

/** A sentence this short after a condition is its consequence: 不交？停水。 */
const BARE = 10;
/** The owner's debt named before a cut in the sentence (欠费三个月，停水停电), not as a matter to talk over (欠费的事回头聊). */
const OWED_HERE = /(?:欠费|欠缴|拖欠|欠物业费|欠管理费|(?:不|没|未)(?:交|缴)(?:物业费|管理费|费|钱)?)(?![的之]?(?:事|问题)|归)/;
/** Explained right after: 停水是管道爆了, 停电是因为. */
const EXPLAINED_AFTER = /^(?:是|因为|由于|系|原因)/;
const debtThenCut = (text: string, from: number, harm: Span): boolean =>
  OWED_HERE.test(text.slice(from, harm.start)) && !EXPLAINED_AFTER.test(text.slice(harm.end, harm.end + 2));

const DIRECTED_KINDS: ReadonlySet<HarmKind> = new Set(['cut', 'fused', 'deny', 'blocked', 'restrict', 'lift']);

/** Aimed at the owner, by someone set on doing it, with nothing described that explains it. */
function aimedWithoutReason(text: string, sentence: Sentence, harm: Harm, span: Span, cues: SentenceCues, debtInText: boolean): boolean {
  if (cues.description || cues.offered) return false;
  const clause = clauseAt(sentence, harm.start);
  // 你家热水最近可能不太稳定哦～: a veiled consequence aimed at the owner, teasing.
  if (harm.kind === 'vague' && cues.target && TEASING.test(text.slice(sentence.start, sentence.end)) && !hearsayBefore(text, harm.start, clause.start)) return true;
  if (!DIRECTED_KINDS.has(harm.kind)) return false;
  // 3天后停水！！！ A countdown to a cut, nothing described.
  if (harm.kind === 'fused' && COUNTDOWN.test(text.slice(clause.start, harm.start))) return true;
  // 欠费三个月，停水停电: the debt named beside a cut, nothing described that explains it.
  if (harm.kind === 'fused' && debtThenCut(text, sentence.start, harm) && !hearsayBefore(text, harm.start, clause.start)) return !stateQuestionAfter(text, span.end);
  if (stateQuestionAfter(text, span.end) || hearsayBefore(text, span.start, clause.start)) return false;
  // A notice names a date (小区明天停水): a date alone aims a fused cut at no one.
  const future = harm.kind !== 'fused' && futureBefore(text, harm.start, clause.start);
  // The script speaks of the debt: a cut or a denial with nothing described that explains it is about the debt.
  if (debtInText && harm.kind !== 'fused' && !HYPOTHETICAL.test(text.slice(clause.start, harm.start))) return true;
  if (harm.kind === 'blocked') return cues.agent || future;
  return cues.target || cues.agent || future;
}

/** Every service threat in a sentence, with the words it spans. */
export interface SentenceContext {
  cues: SentenceCues;
  /** The sentence before: a condition there carries a veiled consequence here; its services are the topic of a gate. */
  previous?: { sentence: Sentence; cues: SentenceCues };
  /** Whether the script speaks of the owner's debt anywhere (欠费, 物业费, 没交, 结清). */
  debtInText: boolean;
  /** The sentence after: 不批！欠着费呢 gives the debt as the reason. */
  next?: Sentence;
}

/** A rhetorical question: 您真觉得…吗, 难道您以为…. */
const RHETORICAL_OPENER = /真(?:的)?(?:觉得|以为|认为)|难道|(?<!是不是)以为|还指望|指望/;
/** The service going on as before: 还能一直, 一直这么正常用下去, 照样. */
const GOES_ON = /(?:还|就)能(?:一直|永远|继续)?|一直(?:这么|这样)?(?:正常)?|永远|照样|继续(?:用|开|享受)/;
/** A threat disowned as it is made: 我不是威胁您, 不是吓唬您. */
const DISOWNED = /不是(?:在)?(?:威胁|吓唬|吓|恐吓)(?:您|你)/;
const FAULT = /故障|坏|出问题|出毛病|失灵|跳闸|停/;
/** An unnamed consequence the owner is told to picture. */
const MENACE = /(?:会|将)(?:发生|出)(?:点)?(?:什么|啥)(?:事|情况)?[^。！？!?]{0,10}(?:心里|心中)(?:应该|肯定|也)?(?:清楚|有数|明白)|(?:会|将)(?:发生|出)(?:点)?(?:什么|啥)(?:事|情况)?[，,]?(?:您|你)(?:懂的|自己想|自己清楚)|(?:会|将)(?:怎么样|怎样|咋样|如何)[^。！？!?]{0,4}?(?:您|你)(?:自己)?(?:掂量|想想|清楚|考虑|琢磨)/;
const DEADLINE = /期限|截止|最后一天|最后期限|到期/;
const DEBT_HERE = /欠|(?:不|没|未)(?:交|缴)/;
const ASKED = /(?:吗|么|嘛|[?？])[^，,]{0,2}$/;

/** A sentence this short before a harm with no service of its own names the topic: 暖气？不交费想都别想！ */
const TOPIC_SENTENCE = 8;
/** The debt given as the reason in a sentence of its own: 欠着费呢. */
const DEBT_REASON = /^(?:因为)?(?:您|你)?(?:家)?(?:还|都)?(?:欠着|欠费|没交|未交|没缴|欠)(?:费|钱|物业费|呢|着)?(?:呢|啊|哦|了|嘛)?$/;
/** A countdown to a cut: 3天后停水. */
const COUNTDOWN = /(?:\d+|[一二三两几十])(?:个)?(?:天|日|小时|钟头)(?:后|之后|以后)$/;
/** A teasing tail: 哦～, 咯～, ^_^. */
const TEASING = /(?:[哦咯喔哈嘿]+[~～]*|[~～]+|\^_\^)$/;

/** Help still expected of us, asked in scorn: 不交钱还想让我们给您修水管？ */
const STILL_EXPECTS = /(?:还|也)(?:想|要|指望|好意思)(?:让|叫|要)?(?:我们|物业|我|师傅|人家)/;
/** Help offered all the same: 没交也没关系，还想让我们修吗？马上安排. */
const HELPS_ANYWAY = /没关系|不影响|照样|一样(?:给|帮|修|办)|马上安排|随时/;

/** Any of the shapes below may stand in the sentence. */
const UNNAMED_CUE = /真(?:的)?(?:觉得|以为|认为)|难道|以为|指望|(?:还|也)(?:想|要|好意思)|不是(?:在)?(?:威胁|吓)|(?:发生|出)(?:点)?(?:什么|啥)|(?:会|将)(?:怎么样|怎样|咋样|如何)/;

/** Threats that need no harm word: asked rhetorically, disowned as made, or left unnamed. */
function unnamedThreat(lex: Lexicons, text: string, masked: string, sentence: Sentence, slice: string, harmed: boolean, debtInText: boolean): ServiceThreat | null {
  const services = servicesOf(lex, text, sentence);
  // 难道您以为欠着物业费，大门还能一直对您敞开？ The service going on despite the debt, asked rhetorically.
  if (services.length > 0 && RHETORICAL_OPENER.test(slice) && DEBT_HERE.test(slice) && GOES_ON.test(slice) && ASKED.test(slice)) {
    const service = services.find((found) => !isNegated(masked, sentence, found));
    if (service && !reportedBefore(text, service.start, clauseAt(sentence, service.start).start)) return { start: service.start, end: service.end, domain: service.domain };
  }
  // 不交钱还想让我们给您修水管？ Help after not paying, asked for in scorn: help withheld for the debt.
  const expects = STILL_EXPECTS.exec(slice);
  if (services.length > 0 && expects && DEBT_HERE.test(slice.slice(0, expects.index)) && ASKED.test(slice) && !HELPS_ANYWAY.test(slice)) {
    const service = services.find((found) => found.start >= sentence.start + expects.index) ?? services[0]!;
    if (!isNegated(masked, sentence, service)) return { start: service.start, end: service.end, domain: service.domain };
  }
  // 我不是威胁您啊，只是欠费的人家电表总“出故障”: a threat disowned, then a fault foretold for debtors.
  if (services.length > 0 && DISOWNED.test(slice) && DEBT_HERE.test(slice) && (harmed || FAULT.test(slice))) {
    const service = services[0]!;
    return { start: service.start, end: service.end, domain: service.domain };
  }
  // 过了期限您家会发生什么，您心里应该清楚: a consequence left unnamed, tied to the debt or a deadline.
  const menace = MENACE.exec(slice);
  if (menace && (debtInText || DEADLINE.test(slice)) && !negatedBefore(masked, sentence, sentence.start + menace.index)) {
    return { start: sentence.start + menace.index, end: sentence.start + menace.index + menace[0].length, domain: 'utility' };
  }
  return null;
}

/** A consequence left to the owner's imagination: 等着瞧, 后果你懂, 自己看着办. */
const BLANK_MENACE = /(?:等着(?:瞧|吧|看)|(?:您|你)懂的|走着瞧|后果(?:您|你)(?:自己)?(?:懂|知道|清楚|明白)|(?:您|你)(?:自己)?看着办)/;
/** Paying asked for so a service is not affected: 为了不影响您正常用水，请在月底前缴清物业费. */
const KEEP_SERVICE = /(?:为了|为)(?:不|避免|防止)|以免|免得/;
const PAY_ASKED = /(?:请|建议|尽快|及时|尽早|记得|务必|按时)[^，。！？,!?]{0,8}(?:缴|交|结清|补齐|补缴|付)[^，。！？,!?]{0,3}(?:物业费|管理费|欠费|费)|(?:结清|补齐|补缴|缴清|交清)(?:欠费|物业费|管理费)?/;

/** The owner's troubles left to wait: 以后您家出点啥事，我们可就懒得管了, 出了什么状况，维修就只能往后放了. */
const OWNERS_TROUBLE = /(?:出|有|遇到|碰到)(?:了)?(?:点|个)?(?:什么|啥)(?:子)?(?:事|事情|情况|问题|状况|毛病|不方便|麻烦|意外|岔子)|出了事/;
const NEGLECT = /懒得(?:管|理)|不(?:管|理)|(?:不|不会|概不|不能)负责|(?:别|不要)说(?:我|我们)?没|(?:别|不要)(?:想|指望|怪|找)|慢|不好说|难说|看心情|往后(?:放|推|排|挪|拖|延)|靠后|延后|推迟|排(?:到|在)?最后/;

/** A condition on paying, not a bare 否则 or 后果自负: 逾期未缴, 拒缴者, 欠费业主. */
const PAY_CONDITION = /交|缴|付|欠|拖|费|钱|拒|结清/;
/**
 * The consequence put on the owner, or the speaker's responsibility for it disowned: 一切后果由业主本人承担, 由此造成的
 * 不便请自行负责, 由此引发的任何麻烦本公司概不负责, 后果自负. Tied to not paying, it is a threat left unnamed.
 */
const BORNE = new RegExp(
  '(?:后果|不便|麻烦|问题|影响|状况|意外|阻碍)[^。！？!?]{0,10}?(?:' +
    [
      '自负', '自行(?:负责|承担|解决|处理|负担)', '(?:均|都|全部|一律)?由(?:您|你|业主|贵户|住户|其|该户|户主)(?:本人|自己|自身)?(?:自行)?(?:承担|负责|自负|负担)',
      '(?:本公司|我司|物业|我们|公司|本中心|管理处|本处)?(?:均|都|一律)?(?:概不|一概不|恕不|不予|不)(?:负责|承担(?:任何)?责任|负(?:任何)?责任)',
      '(?:请|也)?(?:不要|不|别|莫)(?:归咎|怪罪|怪|责怪|见怪|埋怨|抱怨)',
    ].join('|') +
    ')',
);
/** The fee asked for: 经多次催缴, 清欠. */
const DUNNING = /催缴|催交|催费|催收|清欠/;
/** Everyday life made hard: 拒缴者今后在小区内办事恐怕不会那么顺利. */
const LIFE_TROUBLE = /(?:办事|办理业务|生活|日常|过日子|住着|居住|进出|出入|在小区(?:里|内))[^，。！？,!?]{0,8}?(?:(?:不|没)(?:会|太|有)?(?:那么|这么|太)?(?:顺利|顺心|顺当|方便|好过)|处处(?:受|碰)|受阻|遇阻|碰壁|阻碍|卡壳|麻烦|难办|不好办)/;
/** The service cut down under a condition: 您不缴费，那以后对您家的服务会相应调整. */
const SERVICE_CUT = /服务[^，。！？,!?]{0,6}?(?:相应调整|调整|打折扣|打折|降级|缩减|减少|降低|跟不上)|(?:调整|减少|降低|缩减|暂停)[^，。！？,!?]{0,4}?服务(?![中站费台热])/;

/** Help withheld or left in doubt: 物业恐怕很难第一时间顾及, 我们可能就爱莫能助了, 出了事我们才好出面. */
const HELP_WITHHELD = /(?:很难|难以|没法|无法|顾不上|顾及不到|恐怕)[^，。！？,!?]{0,6}?(?:顾及|照顾|顾上|响应|帮上|出面)|爱莫能助|无能为力|帮不上(?:忙)?|才(?:好|能)(?:出面|帮忙|帮您|帮你)/;
/** Whatever may happen left in doubt: 谁也说不准之后家里会不会遇到什么不方便, 会有什么变化，我也不好打包票. */
const UNCERTAIN = /说不准|不好说|难说|不好打包票|打不了包票|不敢打包票|不敢保证|保证不了|没法保证|很难保证/;
const MISHAP = /不方便|变化|意外|麻烦|出(?:了)?(?:点)?(?:什么|啥)?事|状况|遇到什么|发生(?:点)?(?:什么|啥)/;

function veiledThreat(lex: Lexicons, text: string, masked: string, sentence: Sentence, context: SentenceContext): ServiceThreat | null {
  const slice = text.slice(sentence.start, sentence.end);
  if (context.cues.coerced && !context.cues.offered) {
    const withheld = HELP_WITHHELD.exec(slice);
    const uncertain = withheld ? null : UNCERTAIN.exec(slice);
    const found = withheld ?? (uncertain && MISHAP.test(slice) ? uncertain : null);
    if (found) {
      const at = sentence.start + found.index;
      if (!negatedBefore(masked, sentence, at)) return { start: at, end: at + found[0].length, domain: 'utility' };
    }
  }
  const payConditioned = (cues: SentenceCues) => cues.condition.some((cue) => PAY_CONDITION.test(text.slice(cue.start, cue.end)));
  const onPaying = payConditioned(context.cues) || (context.previous !== undefined && payConditioned(context.previous.cues));
  // 以后家里出了什么状况，维修就只能往后放了: the trouble is supposed, so the repair named describes nothing.
  if (onPaying || (context.cues.condition.length > 0 && !context.cues.description)) {
    const trouble = OWNERS_TROUBLE.exec(slice);
    const tail = trouble ? NEGLECT.exec(slice.slice(trouble.index + trouble[0].length)) : null;
    if (trouble && tail) {
      const at = sentence.start + trouble.index;
      if (!negatedBefore(masked, sentence, at)) return { start: at, end: at + trouble[0].length + tail.index + tail[0].length, domain: 'utility' };
    }
  }
  // 逾期未缴所引发的一切后果均由业主本人承担: the consequence put on the owner, unnamed.
  if (onPaying && (context.debtInText || DUNNING.test(text))) {
    const borne = BORNE.exec(slice) ?? LIFE_TROUBLE.exec(slice);
    if (borne) {
      const at = sentence.start + borne.index;
      if (!negatedBefore(masked, sentence, at)) return { start: at, end: at + borne[0].length, domain: 'utility' };
    }
  }
  if (context.cues.condition.length > 0 && !context.cues.description) {
    const cut = SERVICE_CUT.exec(slice);
    if (cut) {
      const at = sentence.start + cut.index;
      if (!isNegated(masked, sentence, { start: at, end: at + cut[0].length })) return { start: at, end: at + cut[0].length, domain: 'access' };
    }
  }
  const menace = BLANK_MENACE.exec(slice);
  const conditioned = context.cues.condition.length > 0 || (context.previous !== undefined && context.previous.cues.condition.length > 0 && sentence.end - sentence.start <= BARE);
  if (menace && conditioned && !context.cues.description) {
    const at = sentence.start + menace.index;
    if (!negatedBefore(masked, sentence, at)) return { start: at, end: at + menace[0].length, domain: 'utility' };
  }
  const keep = KEEP_SERVICE.exec(slice);
  if (keep && PAY_ASKED.test(slice) && !context.cues.description) {
    const at = sentence.start + keep.index + keep[0].length;
    const window = { start: at, end: Math.min(sentence.end, at + 20) };
    const service = servicesOf(lex, text, window)[0] ?? lex.utilityFused.find(text, window.start, window.end).map((hit) => ({ ...hit, domain: 'utility' as const }))[0];
    if (service) return { start: sentence.start + keep.index, end: service.end, domain: service.domain };
  }
  return null;
}

export function serviceThreatsIn(lex: Lexicons, text: string, masked: string, sentence: Sentence, context: SentenceContext): ServiceThreat[] {
  const { cues, previous } = context;
  const veiled = veiledThreat(lex, text, masked, sentence, context);
  if (veiled) return [veiled];
  const previousCoerced = previous?.cues.coerced ?? false;
  const harms = harmsOf(lex, text, sentence);
  const nextGivesDebt = context.next !== undefined && DEBT_REASON.test(text.slice(context.next.start, context.next.end));
  const restored = RESTORED.exec(text.slice(sentence.start, sentence.end));
  const slice = text.slice(sentence.start, sentence.end + 1);
  const unnamed = UNNAMED_CUE.test(slice) ? unnamedThreat(lex, text, masked, sentence, slice, harms.length > 0, context.debtInText) : null;
  if (unnamed) return [unnamed];
  if (harms.length === 0 && cues.gate.length === 0 && !restored) return [];
  const services = servicesOf(lex, text, sentence);
  // 暖气？不交费想都别想！ With no service of its own, a harm is about the topic asked just before.
  const topical =
    services.length === 0 && previous && previous.sentence.end - previous.sentence.start <= TOPIC_SENTENCE
      ? servicesOf(lex, text, previous.sentence).map((service) => ({ ...service, start: sentence.start, end: sentence.start }))
      : services;
  const threats: ServiceThreat[] = [];
  for (const harm of harms) {
    const service = serviceOf(lex, text, sentence, harm, topical, cues.coerced);
    if (!service || paysItsOwnFee(lex, text, sentence, service)) continue;
    const span = { start: Math.min(harm.start, service.start), end: Math.max(harm.end, service.end) };
    if (isNegated(masked, sentence, harm) || negatedBefore(masked, sentence, span.start)) continue;
    const veiled = harm.kind === 'vague' || harm.kind === 'delay';
    // 您不交是吧？那我就把您家电表给锁了: the condition in the sentence before carries over to one aimed at the owner.
    // 不交？停水。 A bare consequence right after the condition is the condition's consequence.
    const bare = !veiled && !cues.description && sentence.end - sentence.start <= BARE;
    const coerced = cues.coerced || (previousCoerced && (cues.target || bare || (!veiled && cues.agent))) || (nextGivesDebt && !veiled);
    if (coerced && reportedBefore(text, span.start, clauseAt(sentence, span.start).start)) continue;
    if (coerced || aimedWithoutReason(text, sentence, harm, span, cues, context.debtInText)) threats.push({ ...span, domain: service.domain });
  }
  // Access given only once paid: 门禁卡要等您缴清了才能开通 (or 月卡到期了吧？先把物业费补齐，我才能给您续).
  const topics = services.length > 0 || !previous ? services : servicesOf(lex, text, previous.sentence);
  if (restored && topics.length > 0 && threats.length === 0 && !cues.description) {
    const at = sentence.start + restored.index;
    if (!negatedBefore(masked, sentence, at)) threats.push({ start: at, end: at + restored[0].length, domain: topics[0]!.domain });
  }
  const enables = (span: Span) => lex.enabling.has(text, span.start, span.end) || TALK_LATER.test(text.slice(span.start, span.end));
  const unconditional = UNCONDITIONAL.test(text.slice(sentence.start, sentence.end));
  if (cues.gate.length > 0 && !unconditional && topics.length > 0 && (enables(sentence) || (services.length === 0 && previous !== undefined && enables(previous.sentence)))) {
    for (const service of topics) {
      const gate = cues.gate[0]!;
      if (paysItsOwnFee(lex, text, sentence, service) || (services.length > 0 && isNegated(masked, sentence, service))) continue;
      if (services.length > 0 && PAYMENT_PROOF.test(text.slice(Math.min(gate.end, service.start), service.start))) continue;
      threats.push(services.length > 0 ? { start: service.start, end: service.end, domain: service.domain } : { start: gate.start, end: gate.end, domain: service.domain });
      break;
    }
  }
  return threats;
}
