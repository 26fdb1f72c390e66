/**
 * Threats to expose a debtor (民法典 第1034条, 个人信息保护法): by a word that exposes in itself (曝光, 拉横幅);
 * by a public place or channel (楼道屏, 业主大会, 业委会群, 公告栏) with the debtor or the debt and a way of
 * showing it; by telling the employer, relatives or neighbours under a coercion cue or a set intent; by 让大家都知道;
 * by @-mentioning the owner in a group. Not when negated, not when the owner is the one posting (您在群里说的),
 * not for figures about everyone (收缴率). Pure.
 */
import { REPORTED_SOURCE, reportedBefore, type SentenceCues } from './cues';
import type { Lexicons } from './lexicon-set';
import { Scanner, type Span, type TermHit } from './matcher';
import { isNegated, negatedBefore } from './negation';
import { clauseAt, type Sentence } from './sentences';

/** The owner as the one who acts: 您在群里说的, 您把截图发我, 可以跟家人商量. */
const OWNER_ACTS = /(?:您|你)(?:们)?(?:可以|先|自己|也)?(?:在|往|发|把|跟|和|同)|可以(?:跟|和|同)/;
/** Said in private, or about what others do: 欠费的事我们私下说, 以前有物业在群里晒名单. */
const PRIVATE_OR_OTHERS = /私下|单独|一对一|只跟您|只和您|只对您|只跟你|只和你|(?:有的|有些|别的|其他|以前的|之前的|以前有的?)(?:小区|物业|公司)/;
/** The owner's worry reported, or hearsay: 业主担心我们会在电子屏上挂他名字. */
const WORRIED = new RegExp(`(?:担心|害怕|(?<!不)怕|以为|听说|网上说|有人说|传言|谣传)(?:我们|物业|公司|会|要)|${REPORTED_SOURCE}`);
/** The debtor's name foretold on a public place: 屏幕上可能就有您的名字了. */
const NAME_SHOWN = /(?:上|里)[^，。！？,!?]{0,6}?(?:就|会|将|也)?(?:有|是|出现|挂着|写着|贴着|登着|显示)(?:您|你|他|她)(?:们)?(?:家)?(?:的)?(?:名字|大名|房号|门牌|名)/g;
const NEAR = 16;
/** The owner's child's school or its parents' group. */
const CHILD_GROUP = /(?:您|你)(?:家)?(?:的)?(?:孩子|小孩|儿子|女儿|闺女)[^，。！？,!?]{0,6}?(?:家长群|班级群|班群|学校|班主任|老师)/;
/** With the debtor named in the sentence, a way of showing may stand further from the place. */
const NEAR_WITH_DEBTOR = 28;

/** The owner's affairs: 您家的情况, 你的事. */
const OWNERS_MATTER = new Scanner(/(?:您|你)(?:们)?(?:家)?(?:的|这|这个)?(?:情况|事情|事|问题)/g);

/** The owner's own: 您单位, 您所在的社区, 您孩子的学校. */
const OWNERS = /(?:您|你|他|她|其(?![他它余实中次])|欠费户|业主|户主|该户)(?:们)?[^，。！？,!?您你]{0,4}$/;

/** The party is the owner's own, named right after them: 您单位, 他单位, 您儿子的工作单位. */
const RIGHT_AFTER_OWNER = /(?:您|你|他|她|其(?![他它余实中次]))(?:们)?(?:家)?(?:的)?(?:儿子|女儿|爱人|老公|老婆|孩子|闺女|媳妇|丈夫|妻子|父母|家人|小孩)?(?:的)?(?:工作的|上班的|所在的)?$/;

/** The owner's own people as the ones told: 给你单位领导, 跟你邻居. */
const TOLD_OWNERS = /(?:跟|和|向|给|找|联系|告诉|通知|传到|传给)(?:您|你)(?:们)?(?:家)?(?:的)?(?:儿子|女儿|爱人|老公|老婆|孩子|闺女|媳妇|丈夫|妻子|父母|家人|小孩)?(?:的)?(?:工作的|上班的|所在的)?$/;

/** Getting in touch with someone, which aimed at the owner's workplace is disclosure in itself. */
const CONTACT = /^(?:联系|找|打电话|打个电话|告诉|通知|告知|发函|致函|函告|转告|发|寄|反映|汇报|上门|拜访|去一趟|走一趟|打招呼)/;

/** The speaker as the one who tells: 我已经跟您公司说了. */
const SPEAKER = /(?:我们|我|物业|公司|管家|本中心|服务中心|管理处|我司|本公司|我方)/;

/** Objects that name the debtor: a list, a room, a name. */
const NAMED = /名单|房号|门牌|名字|姓名|大名|名$/;

/** Put on a list: 会被列入小区的欠费名单 (a court's list of dishonest debtors is a credit matter, see credit.ts). */
const LISTED = /(?:列入|纳入|拉进|拉入|加入|列进|上了|进了)[^，。！？,!?]{0,6}名单/g;
const AT_OWNER = /(?:@|艾特|圈)(?:一下)?(?:您|你)(?!们好)/g;
const LET_KNOW = /(?:AUDIENCE)(?:都|也)?(?:来)?评评理|(?:让|叫|给)(?:AUDIENCE)(?:的人|的业主|的邻居|里的人|人)?(?:都|全)?(?:知道|看看|看到|评评理|瞧瞧)|(?:AUDIENCE)(?:的人|的业主|的邻居|里的人|人)?(?:都|全)?(?:会|将|就会|都会|能|可以|都能)(?:知道|看到|看见)|(?:AUDIENCE)(?:的人|的业主|的邻居|里的人|人)?(?:都|全)(?:已经)?(?:知道|看到|晓得|传开|传遍|在传|在说|议论)|(?:跟|和|向|给)(?:AUDIENCE)(?:都)?(?:说|讲|解释|通报|说明|公布)|(?:AUDIENCE)(?:要是|如果|万一|一旦)(?:都)?(?:知道|看到|晓得)/;

const firstHit = (hits: readonly TermHit[], accept: (hit: TermHit) => boolean): TermHit | undefined => hits.find(accept);
const cover = (...spans: (Span | undefined)[]): Span => {
  const present = spans.filter((span): span is Span => span !== undefined);
  return { start: Math.min(...present.map((span) => span.start)), end: Math.max(...present.map((span) => span.end)) };
};

let letKnow: { source: string; regex: RegExp } | undefined;
function letKnowPattern(lex: Lexicons): RegExp {
  const audiences = lex.publicAudiences.terms.join('|');
  if (letKnow?.source !== audiences) letKnow = { source: audiences, regex: new RegExp(LET_KNOW.source.replaceAll('AUDIENCE', audiences), 'g') };
  return letKnow.regex;
}

export function publicisingIn(lex: Lexicons, text: string, masked: string, sentence: Sentence, cues: SentenceCues): Span[] {
  const found: Span[] = [];
  const { start, end } = sentence;
  // 您说“你们是不是要曝光我”: the owner's words reported are not the speaker's threat.
  for (const hit of lex.publiciseDirect.find(text, start, end)) if (!isNegated(masked, sentence, hit) && !reportedBefore(text, hit.start, clauseAt(sentence, hit.start).start)) found.push(hit);

  // 不放名字: an object negated is not shown.
  const objects = [...lex.debtorObjects.find(text, start, end), ...OWNERS_MATTER.find(text, start, end)].filter((hit) => !negatedBefore(masked, sentence, hit.start, 3));
  const verbs = lex.disclose.find(text, start, end);
  const slice = text.slice(start, end);
  const ownerActsBefore = (at: number) => OWNER_ACTS.test(text.slice(clauseAt(sentence, at).start, at));
  const internal = lex.internalChannels.find(text, start, end);
  const routes = lex.publicRoutes.find(text, start, end).filter((route) => !internal.some((channel) => route.start >= channel.start && route.end <= channel.end));
  // 名单随收支情况一并公开: figures about everyone excuse nothing once a name or a room is shown with them.
  const aggregate = lex.aggregate.has(text, start, end) && !objects.some((hit) => NAMED.test(hit.term));

  // 个人欠费绝不会发到群里: a way of showing, negated, makes the sentence an assurance.
  // (话别说太死 is advice on the wording: a negated verb counts only in the clause of a place or the debtor.)
  const inClauseOfSubject = (v: Span) => {
    const clause = clauseAt(sentence, v.start);
    return [...routes, ...objects].some((hit) => hit.start >= clause.start && hit.end <= clause.end);
  };
  const privateOrOthers =
    PRIVATE_OR_OTHERS.test(slice) || WORRIED.test(slice) || verbs.some((v) => isNegated(masked, sentence, v) && !lex.pressVerbs.has(v.term) && inClauseOfSubject(v));
  // A public place or channel, the debtor or the debt, a way of showing it there.
  // Under a coercion cue the debtor goes without saying (再不交，我们就在群里发).
  const conditioned = cues.condition.length > 0;
  if (!aggregate && !privateOrOthers && (objects.length > 0 || conditioned)) {
    for (const route of routes) {
      if (ownerActsBefore(route.start)) continue;
      const clause = clauseAt(sentence, route.start);
      const reach = objects.length > 0 ? NEAR_WITH_DEBTOR : NEAR;
      const near = (v: Span) => (v.start >= clause.start && v.end <= clause.end) || Math.abs(v.start - route.end) <= reach || Math.abs(route.start - v.end) <= reach;
      const verb = firstHit(verbs, (v) => near(v) && !isNegated(masked, sentence, v));
      if (verb && !isNegated(masked, sentence, route)) {
        found.push(cover(route, verb));
        break;
      }
    }
  }

  // 大门口那块屏幕上可能就有您的名字了: the name foretold on a public place.
  if (!aggregate && !privateOrOthers && routes.length > 0) {
    NAME_SHOWN.lastIndex = 0;
    for (const match of slice.matchAll(NAME_SHOWN)) {
      const span = { start: start + match.index, end: start + match.index + match[0].length };
      if (routes.some((route) => route.end <= span.start + 1 && span.start - route.end <= 4) && !isNegated(masked, sentence, span)) found.push(span);
    }
  }

  // Shown in public, no place named: 您的名字会被挂出来, 会被列入名单.
  if (!aggregate && !privateOrOthers && objects.length > 0) {
    const shown = firstHit(lex.publicVerbs.find(text, start, end), (v) => !isNegated(masked, sentence, v) && !ownerActsBefore(v.start));
    if (shown) found.push(shown);
  }
  LISTED.lastIndex = 0;
  for (const match of slice.matchAll(LISTED)) {
    const span = { start: start + match.index, end: start + match.index + match[0].length };
    if (!isNegated(masked, sentence, span) && !lex.creditDirect.has(text, span.start, span.end)) found.push(span);
  }

  // The employer, the relatives, the neighbours: told under pressure, or about the debt by someone set on it.
  const told = firstHit(verbs, (v) => !isNegated(masked, sentence, v));
  const speakerTells = told !== undefined && SPEAKER.test(text.slice(start, told.start));
  // 致函其单位，请单位协助督促: a pressing verb anywhere in the sentence says what the telling is about.
  const aboutTheDebt = objects.length > 0 || (told !== undefined && verbs.some((v) => lex.pressVerbs.has(v.term) && !isNegated(masked, sentence, v)));
  const theirs = (p: TermHit) => !lex.ownersOwnParties.has(p.term) || OWNERS.test(text.slice(Math.max(start, p.start - 7), p.start));
  const parties = told ? lex.thirdParties.find(text, start, end).filter((p) => theirs(p) && !ownerActsBefore(p.start) && !isNegated(masked, sentence, p)) : [];
  if (told && (conditioned || ((cues.agent || speakerTells) && aboutTheDebt)) && parties[0]) found.push(cover(parties[0], told));
  // 我们可以联系他单位: the speaker getting in touch with the owner's (or a relative's) workplace needs no debt named.
  else if (told && (speakerTells || aboutTheDebt) && (CONTACT.test(told.term) || aboutTheDebt)) {
    // 给你单位领导打电话, 跟你邻居讲你欠费: the owner's own people told, by the speaker or about the debt.
    const own = parties.find((p) => {
      const before = text.slice(Math.max(start, p.start - 12), p.start);
      return speakerTells ? lex.ownersOwnParties.has(p.term) && RIGHT_AFTER_OWNER.test(before) : TOLD_OWNERS.test(before);
    });
    if (own) found.push(cover(own, told));
  }

  // 您孩子学校的家长群里，我们也可以把情况说明一下: the owner's child's school told.
  const child = CHILD_GROUP.exec(slice);
  if (child && found.length === 0) {
    const at = start + child.index + child[0].length;
    const verb = firstHit(verbs, (v) => v.start >= at && !isNegated(masked, sentence, v));
    if (verb && verb.start - at <= 20 && SPEAKER.test(text.slice(at, verb.start))) found.push({ start: start + child.index, end: verb.end });
  }

  // 让大家都知道, 全楼都会知道您家欠了两年物业费.
  if (objects.length > 0 || conditioned) {
    const regex = letKnowPattern(lex);
    regex.lastIndex = 0;
    for (const match of slice.matchAll(regex)) {
      const span = { start: start + match.index, end: start + match.index + match[0].length };
      if (!isNegated(masked, sentence, span)) found.push(span);
    }
  }

  // @-mentioning the owner in a group.
  if (routes.length > 0) {
    AT_OWNER.lastIndex = 0;
    for (const match of slice.matchAll(AT_OWNER)) {
      const span = { start: start + match.index, end: start + match.index + match[0].length };
      if (!isNegated(masked, sentence, span)) found.push(span);
    }
  }
  return found;
}
