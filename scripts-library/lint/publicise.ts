/**
 * Threats to expose a debtor (民法典 第1034条, 个人信息保护法): by a word that exposes in itself (曝光, 拉横幅);
 * by a public place or channel (楼道屏, 业主大会, 业委会群, 公告栏) with the debtor or the debt and a way of
 * showing it; by telling the employer, relatives or neighbours under a coercion cue or a set intent; by 让大家都知道;
 * by @-mentioning the owner in a group. Not when negated, not when the owner is the one posting (您在群里说的),
 * not for figures about everyone (收缴率). Pure.
 */
import type { SentenceCues } from './cues';
import type { Lexicons } from './lexicon-set';
import { Scanner, type Span, type TermHit } from './matcher';
import { isNegated } from './negation';
import { clauseAt, type Sentence } from './sentences';

/** The owner as the one who acts: 您在群里说的, 您把截图发我, 可以跟家人商量. */
const OWNER_ACTS = /(?:您|你)(?:们)?(?:可以|先|自己|也)?(?:在|往|发|把|跟|和|同)|可以(?:跟|和|同)/;
/** Said in private, or about what others do: 欠费的事我们私下说, 以前有物业在群里晒名单. */
const PRIVATE_OR_OTHERS = /私下|单独|一对一|只跟您|只和您|只对您|只跟你|只和你|(?:有的|有些|别的|其他|以前的|之前的|以前有的?)(?:小区|物业|公司)/;
const NEAR = 16;

/** The owner's affairs: 您家的情况, 你的事. */
const OWNERS_MATTER = new Scanner(/(?:您|你)(?:们)?(?:家)?(?:的|这|这个)?(?:情况|事情|事|问题)/g);

/** The owner's own: 您单位, 您所在的社区, 您孩子的学校. */
const OWNERS = /(?:您|你)(?:们)?[^，。！？,!?您你]{0,4}$/;

/** The speaker as the one who tells: 我已经跟您公司说了. */
const SPEAKER = /(?:我们|我|物业|公司|管家)/;

/** Put on a list: 会被列入小区的欠费名单. */
const LISTED = /(?:列入|纳入|拉进|拉入|加入|列进|上了|进了)[^，。！？,!?]{0,6}名单/g;
const AT_OWNER = /(?:@|艾特|圈)(?:一下)?(?:您|你)(?!们好)/g;
const LET_KNOW = /(?:让|叫)(?:AUDIENCE)(?:都|全)?(?:知道|看看|看到|评评理|瞧瞧)|(?:AUDIENCE)(?:都|全)?(?:会|将|就会|都会|能|可以|都能)(?:知道|看到|看见)|(?:AUDIENCE)(?:都|全)(?:知道|看到|晓得)/;

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
  for (const hit of lex.publiciseDirect.find(text, start, end)) if (!isNegated(masked, sentence, hit)) found.push(hit);

  const objects = [...lex.debtorObjects.find(text, start, end), ...OWNERS_MATTER.find(text, start, end)];
  const verbs = lex.disclose.find(text, start, end);
  const slice = text.slice(start, end);
  const ownerActsBefore = (at: number) => OWNER_ACTS.test(text.slice(clauseAt(sentence, at).start, at));
  const internal = lex.internalChannels.find(text, start, end);
  const routes = lex.publicRoutes.find(text, start, end).filter((route) => !internal.some((channel) => route.start >= channel.start && route.end <= channel.end));
  const aggregate = lex.aggregate.has(text, start, end);

  // 个人欠费绝不会发到群里: a way of showing, negated, makes the sentence an assurance.
  const privateOrOthers = PRIVATE_OR_OTHERS.test(slice) || verbs.some((v) => isNegated(masked, sentence, v) && !lex.pressVerbs.has(v.term));
  // A public place or channel, the debtor or the debt, a way of showing it there.
  // Under a coercion cue the debtor goes without saying (再不交，我们就在群里发).
  if (!aggregate && !privateOrOthers && (objects.length > 0 || cues.coerced)) {
    for (const route of routes) {
      if (ownerActsBefore(route.start)) continue;
      const clause = clauseAt(sentence, route.start);
      const near = (v: Span) => (v.start >= clause.start && v.end <= clause.end) || Math.abs(v.start - route.end) <= NEAR || Math.abs(route.start - v.end) <= NEAR;
      const verb = firstHit(verbs, (v) => near(v) && !isNegated(masked, sentence, v));
      if (verb && !isNegated(masked, sentence, route)) {
        found.push(cover(route, verb));
        break;
      }
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
    if (!isNegated(masked, sentence, span)) found.push(span);
  }

  // The employer, the relatives, the neighbours: told under pressure, or about the debt by someone set on it.
  const told = firstHit(verbs, (v) => !isNegated(masked, sentence, v));
  const speakerTells = told !== undefined && SPEAKER.test(text.slice(start, told.start));
  const aboutTheDebt = objects.length > 0 || (told !== undefined && lex.pressVerbs.has(told.term));
  if (told && (cues.coerced || ((cues.agent || speakerTells) && aboutTheDebt))) {
    const theirs = (p: TermHit) => !lex.ownersOwnParties.has(p.term) || OWNERS.test(text.slice(Math.max(start, p.start - 7), p.start));
    const party = firstHit(lex.thirdParties.find(text, start, end), (p) => theirs(p) && !ownerActsBefore(p.start) && !isNegated(masked, sentence, p));
    if (party) found.push(cover(party, told));
  }

  // 让大家都知道, 全楼都会知道您家欠了两年物业费.
  if (objects.length > 0 || cues.coerced) {
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
