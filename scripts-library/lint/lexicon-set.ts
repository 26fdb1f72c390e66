/**
 * The lint's word lists compiled for matching: the built-in lexicons plus the terms a team lead added in 团队设置,
 * each normalised like the text. Compiled once per set of custom terms. Pure.
 */
import * as words from './lexicons';
import { Scanner, TermSet, type Guard } from './matcher';
import { normaliseTerm } from './normalise';
import type { CustomLintTerm, LintTermCategory } from './types';

/** Single-character verbs that are verbs only in some company: 停 is not 停车, 关 is not 关于. */
const cutGuards: Record<string, Guard> = {
  停: { notAfter: '车在靠留放泊到顿歇下' },
  关: { notBefore: '有相机海开无攸难过把通闯公', notAfter: '于心注系照联键怀爱切口头卡乎节税门' },
  断: { notBefore: '判诊间垄断不', notAfter: '断续定言然' },
  截: { notAfter: '止至图屏' },
  封: { notBefore: '一密信', notAfter: '顶面信条' },
  锁: { notAfter: '匠' },
  熄: { notAfter: '火' },
};

/** 物业服务中心 and 服务费 are no service the owner is denied. */
const serviceGuards: Record<string, Guard> = Object.fromEntries(
  words.accessWords.filter((word) => word.endsWith('服务')).map((word) => [word, { notAfter: '中站费合企公人员质态标热电' }]),
);

const MULTI_ENABLING = words.enablingVerbs.filter((verb) => verb.length > 1).join('|');
const SINGLE_ENABLING = words.enablingVerbs.filter((verb) => verb.length === 1).join('');
const MODAL_NOT = '(?:不可能|不负责|不再|不会|不能|不准|不予|不许|不可以|不可|不敢|别想|没法|没办法|无法|暂不|一律不|统一不|先不|都不|就不|也不|还不|禁止|严禁|别)';
const ANY_NOT = `(?:${MODAL_NOT.slice(3, -1)}|不)`;

/** A service denied: 不给您开, 暂不开通, 一律不准进, 不放进来, 不供电. */
const DENY = new RegExp(
  [
    `${ANY_NOT}(?:再|会|能)?(?:一直|总|老|永远|随便|白)?(?:给|让|帮|为|替|对)(?:您|你)?(?:们)?(?:家)?(?:的)?[^，。！？,!?]{0,4}?(?:${MULTI_ENABLING}|[${SINGLE_ENABLING}])`,
    `${ANY_NOT}(?:再|会|能)?(?:正常|照常|继续|按时|及时|自动|主动|马上|负责|帮忙|帮您|帮你)?(?:${MULTI_ENABLING}|抬)`,
    `${MODAL_NOT}[${SINGLE_ENABLING}]`,
    `${ANY_NOT}(?:再)?(?:帮|给|替)(?:您|你)(?:们)?(?:家)?(?:的)?(?:代收|签收|接收|收件|收)`,
    '不(?:开|供|续|放|充|批)(?!心|玩笑|会|口|始|车|朗|除|销)', '不通(?!知|过|顺|畅|融|报|告)', '不认(?!识|可|为|账|同|真|得|错|输)',
  ].join('|'),
  'g',
);

/** Any other “cannot” (V不C): 发不出来, 领不了, 刷不进. */
const CANNOT = /(?:用|充|刷|开|进|出|回|上|打|识别|放|送|买|购|通|供|续|办|激活|录|发|登记|停|领|拿|取|点|烧|洗|做|认)不(?:了|进去|进来|出来|出去|上去|上来|下来|开|进|出|上|到|来|去|起|动|着)/g;

/** A lift restricted to low floors: 只能刷到一楼, 电梯只能到二楼以下. */
const LOW_FLOORS_ONLY = /(?:(?:只|仅)(?:能|可以|限)?(?:给(?:您|你))?(?:开|刷|到|去|停|坐|上|开放|设)?(?:到)?|(?:降|改|设|限|调|锁)(?:为|到|成|在)(?:只(?:能)?(?:到|停|刷))?|限)(?:[一二三两1-3]|地面|首|底|负一|负1)(?:楼|层)(?:以下)?/g;

/** A service made worse: 没那么热乎了, 不那么稳定, 调到最低档. */
const DEGRADED = /(?:没|不)(?:那么|这么|太|够)(?:热乎|热|暖和|暖|足|够用|顺畅|顺|稳定|稳|方便|亮|快)|(?:调|降|拧|关|开|限|压)(?:到|成)?(?:最低|最小|最弱|最慢)(?:档)?/g;

/** Late by a stretch of time: 晚半个月再送, 推后, 延迟. */
const DELAYED = /晚(?:开|送|供|给|通)?[一两三四五半几十\d]*(?:个)?(?:天|周|星期|礼拜|月)|(?:晚|推迟|延迟|延后)(?:开|送|供|通)|推后|延迟|往后推|最后一批/g;

/** Only the bare minimum: 只能保证基本用量, 只供最低量. */
const BASIC_ONLY = /只(?:能|会)?(?:保证|供|给|提供|保)(?:基本|最低|最少|一点|少量|保底)|保底(?:用量|供应)|基本用量|(?:只)?按(?:最低|最少|基本)(?:标准|量|限度|保障)/g;

/** Rationed by the hour or the unit: 一天给您放两个钟头, 白天只给供两个小时, 每天五度. */
const RATIONED = /(?:只|仅|一天|每天|每日|白天|晚上|一周|每周)(?:能|会)?(?:给|供|开|放|送|通|用)?(?:(?:您|你)(?:家)?)?(?:给|供|开|放|送|通|用)[^，。！？,!?]{0,3}?[一二两三四五六七八九十半几\d]+(?:个)?(?:钟头|小时|钟|度|方|吨|立方|回)|(?:维持|保持|控制|限制|限定|定)在[^，。！？,!?]{0,3}?[一二两三四五六七八九十百\d]+(?:度|档)|只(?:能|会)?(?:开|供|给|放|通)[^，。！？,!?]{0,2}?(?:一|两|半|几)(?:路|半|点|会儿|下|档|格|个阀)|调(?:到|成|低到|至)[^，。！？,!?]{0,3}?[一二两三四五六七八九十百\d]+(?:度|档|成)|(?:只|仅)(?:能|会|可以)?(?:每次|每天|每月|一次|一天)?(?:给(?:您|你)(?:家)?)?(?:买|充|领)[^，。！？,!?]{0,3}?[一二两三四五六七八九十百千半几\d]+|(?:只|仅)(?:能|会)?(?:给(?:您|你))?(?:开|供|送|给|放|通)(?:到|至)(?!楼|层)/g;

/** Asked whether they still want it: 暖气想不想按时开, 还想不想用电梯. */
const STILL_WANT = new RegExp(`(?:想不想|还想不想|要不要|还要不要)(?:按时|正常|继续|照常)?(?:${MULTI_ENABLING}|[${SINGLE_ENABLING}])`, 'g');

/** A lift that will not stop at the owner's floor: 不停您那层 (only a threat beside a lift word). */
const LIFT_SKIPS_FLOOR = /(?:不再|不会|就不|不)(?:再|会)?停(?:您|你)?(?:家)?(?:那|这)?(?:层|楼)?/g;

export interface Lexicons {
  utility: TermSet;
  utilityFused: TermSet;
  access: TermSet;
  cut: TermSet;
  restrict: TermSet;
  blocked: TermSet;
  vague: TermSet;
  delay: TermSet;
  life: TermSet;
  enabling: TermSet;
  deny: Scanner;
  liftSkipsFloor: Scanner;
  cannot: Scanner;
  degraded: Scanner;
  delayed: Scanner;
  basicOnly: Scanner;
  lowFloorsOnly: Scanner;
  rationed: Scanner;
  stillWant: Scanner;
  parking: ReadonlySet<string>;
  lift: ReadonlySet<string>;
  ownFees: readonly { fees: TermSet; services: readonly string[] }[];
  arrears: TermSet;
  publiciseDirect: TermSet;
  publicRoutes: TermSet;
  internalChannels: TermSet;
  publicAudiences: TermSet;
  thirdParties: TermSet;
  ownersOwnParties: ReadonlySet<string>;
  disclose: TermSet;
  pressVerbs: ReadonlySet<string>;
  debtorObjects: TermSet;
  aggregate: TermSet;
  creditDirect: TermSet;
  courtList: ReadonlySet<string>;
  court: TermSet;
  status: TermSet;
  consequences: TermSet;
  weakConsequences: TermSet;
  publicVerbs: TermSet;
  insults: TermSet;
  pressure: TermSet;
  shaming: TermSet;
}

function build(custom: readonly CustomLintTerm[]): Lexicons {
  const added = (category: LintTermCategory): string[] => custom.filter((term) => term.category === category).map((term) => normaliseTerm(term.term)).filter(Boolean);
  const set = (base: readonly string[], category?: LintTermCategory, guards?: Record<string, Guard>) =>
    new TermSet([...base.map(normaliseTerm), ...(category ? added(category) : [])], guards);
  return {
    utility: set(words.utilityWords, 'utility-cut', { 用电: { notAfter: '梯脑视话' }, 供电: { notAfter: '梯' } }),
    utilityFused: set(words.fusedUtilityHarms),
    access: set(words.accessWords, 'access', { ...serviceGuards, 刷卡: { notBefore: '台', notAfter: '缴交付支买充' }, 车: { notBefore: '停下上火列单马快汽' } }),
    cut: set(words.cutVerbs, 'harm', cutGuards),
    restrict: set(words.restrictHarms),
    blocked: set(words.blockedOutcomes),
    vague: set(words.vagueHarms),
    delay: set(words.delayHarms),
    life: set(words.lifeWords),
    enabling: set(words.enablingVerbs, undefined, { 发: { notAfter: '票现生布' }, 录: { notBefore: '记纪笔' } }),
    deny: new Scanner(DENY),
    liftSkipsFloor: new Scanner(LIFT_SKIPS_FLOOR),
    cannot: new Scanner(CANNOT),
    degraded: new Scanner(DEGRADED),
    delayed: new Scanner(DELAYED),
    basicOnly: new Scanner(BASIC_ONLY),
    lowFloorsOnly: new Scanner(LOW_FLOORS_ONLY),
    rationed: new Scanner(RATIONED),
    stillWant: new Scanner(STILL_WANT),
    parking: new Set(words.parkingWords),
    lift: new Set(words.liftWords),
    ownFees: words.ownFees.map((own) => ({ fees: new TermSet(own.fees), services: own.services })),
    arrears: set(words.arrearsWords),
    publiciseDirect: set(words.publiciseDirect, 'publicise'),
    publicRoutes: set(words.publicRoutes),
    internalChannels: set(words.internalChannels),
    publicAudiences: set(words.publicAudiences),
    thirdParties: set(words.thirdParties),
    ownersOwnParties: new Set(words.ownersOwnParties),
    disclose: set(words.discloseVerbs),
    pressVerbs: new Set(words.pressVerbs),
    debtorObjects: set(words.debtorObjects),
    aggregate: set(words.aggregateWords),
    creditDirect: set(words.creditDirect, 'credit', { 信用: { notBefore: '讲守有', notAfter: '卡社好' } }),
    courtList: new Set(words.courtListTerms),
    court: set(words.courtWords),
    status: set(words.statusWords),
    consequences: set(words.statusConsequences),
    weakConsequences: set(words.weakStatusConsequences),
    publicVerbs: set(words.publicVerbs),
    insults: set(words.insults, 'insult'),
    pressure: set(words.pressure, 'pressure'),
    shaming: set(words.shaming),
  };
}

const cache = new Map<string, Lexicons>();
const CACHE_SIZE = 8;

/** The compiled lexicons for a set of custom terms (the built-in ones alone when there are none). */
export function lexiconsFor(custom: readonly CustomLintTerm[] = []): Lexicons {
  const key = custom.map((term) => `${term.category}\u0000${term.term}`).join('\u0001');
  let found = cache.get(key);
  if (!found) {
    found = build(custom);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
  }
  return found;
}
