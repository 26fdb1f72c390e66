/**
 * What tells a threat from a description. A coercion cue ties a consequence to the fee: a condition on not paying
 * (再不交, 不交的话, 欠费户, 否则 …) or a gate on paying (交清后, 等您缴清, 得先把物业费结了, 只给缴清的业主).
 * A directed cue aims a cut at the owner (给您停, 您家的门禁卡会被注销, 我们只能). A description cue explains a
 * fault, a planned stop or a report (检修, 坏了, 自来水公司, 您说, 可能是) — but not 因为欠费, a reason that is the debt.
 * A concession undoes a condition (就算物业费没交, 不管交没交). Pure.
 */
import { Scanner, type Span } from './matcher';

const PAY = '(?:交|缴|付|给钱|结|还钱|清|补|找数)';
const FEE = '(?:物业费|管理费|物管费|服务费|费用|欠费|欠款|费|钱)';
const NO_PUNCT = '[^，。！？,.!?；;：:]';

const pattern = (parts: readonly string[]): Scanner => new Scanner(new RegExp(parts.join('|'), 'g'));

/** Conditions on not paying, ultimatums, and the debtor singled out. */
const CONDITION = pattern([
  `(?:再|还|还是|一直|继续|老是|总是|总|迟迟|仍然|仍|依然|要是|如果|假如|若|要)(?:这么|这样)?(?:不|没|没有|未)(?:按时)?${PAY}`,
  '(?:再|还|一直|继续|老是|总是)(?:这么|这样)?(?:拖|欠|赖)',
  `(?:不|没|没有|未)${PAY}(?:清|齐|完|上)?${FEE}?(?:的话|就|便|则|那|的|者|户|业主|住户|，|,|(?:嘛|啊|呀|哈)[，,]|(?=[？?])|也行|也可以|都得|都行|也得|都可以)`,
  // 欠费这事你要是不处理: the debt left unsettled.
  `(?:欠费|物业费|管理费|欠款)(?:这事|的事|这个事|问题)?${NO_PUNCT}{0,6}?(?:不|没)(?:处理|解决|管|理会)`,
  '(?:不|没|没有|未)(?:给|交|缴|付)(?:物业费|管理费|物管费|钱)',
  '(?:物业费|管理费|物管费|费用|欠费|钱)(?:一直|还|再|老|总)?(?:不到位|没到位|没到账|不到账|没结|未结|没清|不够|欠着|拖着|不清|没处理)',
  `(?:您|你)(?:就是|就|还是)?(?:不|没)(?:想)?${PAY}(?:是吧|是吗|对吧|是不是|啊|呀)`, `(?<![交缴])(?:不|没)(?:想)?${PAY}(?:是吧|是吗|对吧|是不是)`, '(?:晚|迟)(?:交|缴)(?:的话)?(?=[.…，,])',
  `(?:就|全|都)?看(?:您|你)[^，。！？,!?]{0,8}?(?:交不交|缴不缴|交没交|缴没缴|什么时候交|什么时候缴|配不配合|表现)`,
  `(?:不|没|未)${PAY}(?:清|齐|完)?(?:物业费|管理费|费用|钱)?(?:之前|以前|前|期间)`,
  '(?:^|(?<=[，。！？,!?；;\\n]))(?:一直|还)?(?:欠着|拖着|欠)(?:钱|费|物业费|管理费)?[，,]',
  '(?:您|你)(?:是)?(?:就|难道|真|真的)?不怕', '(?:视|看|根据|按|依据|依)(?:您的|你的|您家|你家|业主|各户)?(?:的)?(?:缴费|交费|付费|欠费|还款)(?:情况|进度|表现)',
  '(?:您|你)?(?:就)?(?:慢慢|继续|接着|尽管)(?:拖|欠)', '拖到', '(?:您|你)就知道(?:急|厉害|怕|后悔)',
  '(?:逾期)?(?:未|没|不)(?:缴纳|交纳|缴|交)(?:物业费|管理费|费用)?的(?=[，,]|户|业主|住户|房|车|人|单位)',
  `${PAY}不(?:上|起|出|了|齐|清|完)(?:来|钱)?`,
  `(?:钱|费|物业费|管理费|费用|款)(?:一天)?(?:不|没)到(?:位|账)?`, `一(?:天|日|月)(?:不|没)(?:${PAY}|到)`, `(?:不|没)(?:配合|愿意|肯|想|打算)(?:缴|交|付|结)`,
  '(?:就)?等着(?:被)?(?=断|停|关|锁|挨|摸|没|冻|爬)', '(?:见不到|看不到|收不到|等不到)(?:您的|你的)?(?:钱|款|费|转账)', '(?:就)?冲(?:您|你)(?:这|那)',
  `(?:不|没|未)把${NO_PUNCT}{0,6}?(?:交|缴|付|结|还|补)(?:了|清|上|齐|完)?`, '想不想', '谁让(?:您|你)', '谁叫(?:您|你)',
  '(?:一直|老是|总是|再|还|继续)(?:这样|这么下去|这样下去|这个样子|拖下去|不配合)', '(?:^|(?<=[，,：:]))(?:这么|这样)?拖下去',
  `(?:如果|要是|假如|万一|倘若|一旦|若是|只要)${NO_PUNCT}{0,8}?(?:(?:不|没|未)${PAY}|拖|欠)`,
  // 若贵户仍未缴纳, 如逾期未缴: the written conditional, on not paying or refusing.
  `(?:若|如若|如|倘|假使)(?:贵户|您|你|业主|该户)?${NO_PUNCT}{0,8}?(?:(?:不|没|未)${PAY}|拒)`,
  // 拒缴者, 拒不缴费户, 拒不配合: refusing to pay is not paying.
  '拒(?:缴|交|付)|拒不(?:缴|交|付|支付|配合)', '逾期(?:仍)?(?:未|不|没)(?:缴|交|付)',
  // 鉴于贵户长期拖欠物业服务费, 因欠缴物业费: a reason that is the debt ties what follows to it.
  // (不会因为欠费就…: a motive denied is no reason given, see negation.ts.)
  '(?<!(?:不会|不能|绝不|决不|从不|不得|不可能|不应该|不应|不该|无权|并非|不是|仅仅)(?:会|是)?)(?:鉴于|由于|因为|因|基于)(?:贵户|您|你|该户|业主|住户)?(?:家)?(?:的)?(?:长期|一直|多次|屡次|持续|长时间)?(?:拖欠|欠缴|欠费|欠|未缴|未交|没交|没缴|不交|不缴|逾期未)',
  '(?:欠费|拖欠|欠缴|逾期未缴|逾期未交|逾期|未缴费|未缴|未交|没交|不交|欠着|欠钱|欠款|欠物业费|欠管理费)(?:物业费|管理费|的话)?' +
    '(?:超过|超|满|达到|一律|统一|户|业主|住户|房屋|房子|房号|房间|者|车辆|单位|期间|的话|的(?=户|业主|住户|房|车|人|单位|，|,))',
  '(?:欠费|拖欠|欠缴|欠物业费|欠管理费|欠)[^，。！？,!?]{0,6}?(?:个月|年|天)(?:以上|以后|的|了|还)',
  '(?:您|你)(?:家)?(?:这边|这|那边)?(?:这样|这么)?(?:一直|还)?(?:欠费|欠着|没交|拖欠|拖着|不交)(?:费|钱|物业费|管理费)?(?:了)?(?:，|,)',
  `(?:物业费|管理费|物管费|费用|欠费|钱)(?:要是|如果|再|还|一直)?(?:不|没|没有|未)(?:${PAY}|结清)`,
  `(?:今天|明天|月底|这周|下周|本月|这个月|年底)(?:前|之前)?(?:还是|还)?(?:不|没)${PAY}`,
  '否则', '不然', '要不然', '(?:别|不要|可别)怪', '(?:别|不要)说(?:我|我们)?没(?:有|得)?(?:提醒|提前|说|讲|通知|告诉|打招呼)', '别后悔', '后果自负', '自己(?:掂量|想想|看着办|考虑)', '考虑清楚', '想清楚',
  '(?:您|你)?(?:自己)?(?:看着办|瞅着办|掂量着办)', '(?:您|你)(?:就)?(?:等着|看着)(?:吧|瞧|办)', '走着瞧', '等着瞧', '别来找(?:我|我们)', '别找(?:我|我们)', '可别(?:怪|找|打电话)', '没得商量', '还想不想', '还要不要', `${PAY}不${PAY}(?:您|你)?(?:自己)?(?:定|看着办)`, '赶紧交', '赶快交',
  '马上交', '不得不',
  // 不交？ 钱呢？ 交不交？ asked bare, before the consequence.
  `(?:^|(?<=[，。！？,!?；;\\s]))(?:还|再|就是|真|到底)?(?:(?:不|没)${PAY}(?:钱|费|物业费|管理费)?|(?:钱|费|物业费|管理费)呢|欠着(?:费|钱)?|(?:交|缴)不(?:交|缴)|(?:交|缴)没(?:交|缴))(?=[？?])`,
  `(?<![交缴付])费(?:还|再|一直)?(?:不|没)(?:${PAY}|到)`,
  // 不交费想都别想: a clause that opens on not paying.
  '(?:^|(?<=[，。！？,!?；;\\s]))(?:再|还)?(?:不|没)(?:交|缴|付)(?:费|钱|物业费|管理费)',
  // 删了，拜拜: a taunt after a deed done. 好自为之: a taunt that makes a consequence a threat.
  '(?<=了[，,]?)拜拜', '好自为之', '自求多福', '(?:您|你)懂的', '懂的都懂',
]);

/** Service or access given back, or given at all, only once the fee is paid. */
const GATE = pattern([
  '(?:补交|补缴|补齐|缴清|交清|结清|付清|还清|清缴|交齐|缴齐|交完|缴完|付完|补完|交了|缴了|交上|缴上|结了|清了|清零|缴费|交费|付款)(?:全部|所有|全额|历史)?(?:物业费|管理费|欠费|费用|欠款|钱|费)?(?:了)?(?:完成|完毕|成功|到账|到位)?' +
    // 交了就行: just pay, nothing held back.
    '(?:以后|之后|后|再|才|方可|方能|然后|就能|就可以|就给|马上|当场|就)(?!行|好了|可以了|完事|没事)',
  '(?:交齐|缴齐|缴清|交清|结清|付清|补齐|交完|缴完|付完|补交|补缴)(?:了)?(?:钱|费|物业费|管理费|欠费)?(?:先)?[，,][^，。！？,!?]{0,8}?才',
  `只要${NO_PUNCT}{0,10}?(?:一)?(?:到账|到位)`,
  `等(?!方式|手段|措施|形式|方法|途径|办法|行为|内容|情况|理由|名义)(?:您|你)?(?:这边)?(?:把)?${NO_PUNCT}{0,8}?(?:交|缴|付|补|结|清|到账|到位)`,
  '先(?:结账|交钱|付钱|缴费|交费|买单|结清|补缴|补交|交了|缴了|把账结|把钱)',
  // 待欠费处理完毕后统一安排: the written 等, with the debt settled.
  `(?<![接招款对优期看善虐厚])待${NO_PUNCT}{0,6}?(?:欠费|物业费|管理费|物管费|欠款|费用)${NO_PUNCT}{0,4}?(?:处理|解决|结清|清缴|缴清|补缴|补齐|缴纳|交纳)(?:完毕|好|完|掉)?`,
  `(?:您|你)?(?:得)?先(?:交|缴|补|结|付|清)`,
  `(?:物业费|管理费|欠费|费用|钱)(?:先)?(?:清|交|缴|结|补|处理好)(?:了|完|齐|上|掉)?${NO_PUNCT}{0,4}?(?:再|才)`,
  `(?:得|要|需要|需|须|必须)(?:您|你)?先(?:把)?${NO_PUNCT}{0,8}?(?:交|缴|补|结|清|付)`,
  `先(?:把|到)${NO_PUNCT}{0,16}?(?:交|缴|补|结|清|付)`,
  `先${NO_PUNCT}{0,6}?把${NO_PUNCT}{0,10}?(?:交|缴|补|结|清|付)`,
  '(?:得|要|需要|需|须|必须)(?:您|你)?(?:把)?(?:物业费|管理费|欠费)(?:先)?(?:交|缴|补|结|清|付)',
  `(?:交没交|缴没缴|交了没|缴了没|有没有交|有没有缴|是否缴费|是否交费|是否缴清)${NO_PUNCT}{0,4}?(?:才|再)`,
  `把(?:账|钱|费|欠费|物业费|管理费|欠款|这笔)${NO_PUNCT}{0,4}?(?:清|结|交|缴|补|付)(?:了|掉|上|齐|完)?${NO_PUNCT}{0,6}?(?:再|才)`,
  '(?:前提|条件)(?:是|就是|得是)(?:无|没有|不能有|不欠)(?:欠费|欠款|费)?',
  `以${NO_PUNCT}{0,8}?(?:无欠费|缴清|结清|交清|缴费|交费|不欠费)${NO_PUNCT}{0,4}?为(?:前提|条件|准)`,
  `(?:前提|条件|先决条件)(?:是|得是|就是)${NO_PUNCT}{0,8}?(?:交|缴|结|清|付)`,
  `(?:只有|只给|只对|只为|仅限|仅对|仅给|只限)${NO_PUNCT}{0,10}?(?:缴清|交清|结清|已缴|已交|缴了|交了|缴费|交费)`,
  '(?:缴清|交清|结清|已缴费|已交费|缴了费|交了费)(?:物业费|管理费)?的(?:业主|户|住户|人)?才',
  '(?:结清|缴清|交清|付清|还清|交齐|缴齐|补齐)(?:欠费|物业费)?(?:之前|以前|前)',
  '(?:物业费|管理费|欠费|费用)(?:还)?(?:欠着|没交|未交|没清|未清|不清|没结)',
  '(?:钱|费|款|物业费)(?:一)?到(?:账|位)(?:了|后|以后)?[，,]?[^，。！？,.!?；;：:]{0,8}?(?:才|再)',
  '(?:什么时候|哪天|几时)(?:交|缴|付)[^，。！？,.!?；;]{0,4}(?:什么时候|哪天|几时)(?:开|通|恢复|给|用)',
]);

/** Paid in full, anywhere in the sentence, with a service given back later in it. */
const PAID = new Scanner(/(?:到账后|到账了|到账以后|补交完|补缴完|缴清|交清|结清|付清|补齐|交完|缴完|补完|交了|缴了|交上|缴上|清零|结掉|付掉|还上|补上)/g);
const GIVEN_BACK = new Scanner(/(?:才|再|就能|就可以|方可|方能|就会|马上|立即|立马|当场|当天|便可|就)(?:就)?(?:能|可以|会|可)?(?:给您|给你|帮您|帮你|为您|为你|给)?(?:把[^，。！？,!?]{0,6}?)?(?:重新)?(?:恢复|开通|激活|续|办|开|解|用|录|充|放|授权|登记|生成|加进|加入|添加|还给|归还|交还)/g);

/** Someone set on doing it: 我们只能, 物业有权, 工程部马上. */
const AGENT = new Scanner(/(?:上头|上面|上级|领导|老板|公司)(?:的意思|交代|规定|要求|说|通知|定)|(?:我|我们)(?:已经)?(?:报上去|上报|申请|报给|提交)|(?:我们|我|物业|公司|我司|管理处|服务中心|工程部|保安|门岗|管家|系统|小区)(?:这边|那边)?(?:下个月起|下个月|下周起|下周|从明天起|明天|以后|今年|今冬|到时候)?(?:起)?(?:也|都|就|会|将|要|只能|只好|只有|得|必须|准备|打算|决定|可能会|可能要|直接|马上|立刻|统一|一律|有权|先|只得|不得不|会考虑)/g);
/** The owner as the target: 给您, 把您家的, 您的, 你家. */
const TARGET = new Scanner(/(?:您|你)(?:那|这)(?:套|户|间|边的房)|(?:给|把|拿|将|对|让|替|帮)(?:您|你)(?:们)?(?:家)?|(?:您|你)(?:们)?(?:家)?(?:的|个)|您家|你家|贵户|该户/g);
/** Right before the harm: a future, a passive, a date (会被, 就要, 下个月). */
const FUTURE = /(?:会|将|就要|就会|要|就|马上|立刻|立即|立马|这就|当场|到时候|下周|下个月|下礼拜|明天|以后|月底|年底|被|给)(?:被|给)?(?:您|你)?$/;

/** A fault, a planned stop, a report, a reason: the words describe, they do not threaten. */
const DESCRIPTION = new Scanner(new RegExp(
  [
    '维修', '检修', '抢修', '维护', '维保', '保养', '年检', '施工', '改造', '升级', '更换', '换新', '换', '调试', '测试', '演练', '故障', '坏', '失灵', '不灵',
    '误判', '漏水', '渗水', '爆管', '爆了', '管道', '跳闸', '计划', '自来水公司', '水务', '供电局', '供电所', '电力', '燃气公司', '热力', '市政', '政府', '台风', '暴雨', '暴雪',
    '安全', '消防', '防止', '丢', '补办', '挂失', '补一张', '过期', '报修', '师傅', '电工', '排查', '检查', '查一下', '看看', '您反映', '反映',
    '可能是', '应该是', '因为', '原因', '期间', '的时候', '高峰', '干旱', '余额', '电池', '昨天', '刚才', '刚刚', '前天', '临时', '救援', '储水', '备水', '请谅解',
    '不便之处', '带来不便', '通知', '提前', '所以', '导致', '小时', '半天', '全天', '分钟', '点到', '预计', '届时', '读卡器', '进水', '短路', '死机', '没反应',
    '不好使', '不好用',
  ].join('|'),
  'g',
));
/** The same sentence offers the service: 保安会帮您开门, 电梯照常坐, 一样能用. */
const OFFERED = new Scanner(/(?:帮|给|为)(?:您|你)(?:开门|开|刷|登记|放行|送上)|照常|照样|正常使用|正常用|一样(?:能|可以)?(?:用|进|刷|坐|开)|(?:人工|手动|手工)(?:抬杆|开门|开闸|放行|登记|开)/g);
/** Right after the harm: a question about a state (停水了吗, 停暖了没有). */
const STATE_QUESTION = /^[^，,。]{0,3}?了?(?:吗|么|没有|没|\?|？|是吧|对吧|是不是)/;
/** Before the harm in its clause: worry or hearsay (您担心会停水, 有人说不交就停水, 有的物业会锁电梯). */
/** The owner's words reported or quoted, then answered: 业主说"你们要停我水", 您刚才问是不是不交就不能用电梯. */
export const REPORTED_SOURCE =
  '(?<![跟和给对同向])(?:业主|住户|客户|对方|邻居|他|她)(?:刚才|刚刚|之前|上次|昨天)?(?:说|问|讲|反映|提到|投诉|质问)|(?<![跟和给对同向])(?:您|你)(?:刚才|刚刚|刚|之前|上次|昨天)(?:说|问|讲|提到|讲到)|(?<![跟和给对同向])(?:您|你)(?:是问|想问|是说|问|说)';
const HEARSAY = new RegExp(
  `(?:担心|害怕|(?<!不)怕|以为|听说|网上说|有人说|传言|谣传|别担心|不用担心|放心|(?:有的|有些|别的|其他|以前的|之前的|以前有的?)(?:小区|物业|公司))|${REPORTED_SOURCE}`,
);

/** The cues of one sentence. */
export interface SentenceCues {
  condition: Span[];
  gate: Span[];
  /** Condition or gate: a coercion cue. */
  coerced: boolean;
  agent: boolean;
  target: boolean;
  description: boolean;
  offered: boolean;
}

/** A concession before a condition undoes it: 就算物业费没交, 不管交没交, 哪怕一直欠着. */
const CONCESSION = /(?:就算|即使|即便|哪怕|纵然|不管|无论|甭管|不论)[^，,。]{0,6}$/;
const unconceded = (text: string, start: number, spans: readonly Span[]): Span[] =>
  spans.filter((span) => !CONCESSION.test(text.slice(Math.max(start, span.start - 8), span.start)));

/** A gate forbidden or denied as it is named: 不得以缴费为前提, 不会等您交清了才. */
const GATE_DENIED = /(?:不得|不能|不可以?|不应该?|不允许|不准|不许|严禁|禁止|无权|无须|无需|不需要|不必|不用|不会|绝不|从不|并不|不要|请不|切勿|不再)(?:再|会|能)?$/;
/** 不需要先交: the negation on the gate's own modal. */
const MODAL_GATE = /^(?:得|要|需要|需|须|必须|用)/;
const ungated = (text: string, start: number, spans: readonly Span[]): Span[] =>
  spans.filter((span) => {
    const before = text.slice(Math.max(start, span.start - 5), span.start);
    return !GATE_DENIED.test(before) && !(MODAL_GATE.test(text.slice(span.start, span.end)) && /[不没无未]$/.test(before));
  });

/** A reason that is the debt itself explains nothing: 因为欠费, 原因是没交. */
const REASON_IS_DEBT = /^(?:是)?(?:您|你)?(?:家)?(?:欠|没交|未交|没缴|未缴|不交|拖欠)/;
const REASONS = new Set(['因为', '原因', '所以', '导致']);
const JUST_NOW = new Set(['刚才', '刚刚']);
const SAID = /[说问讲提]/;

export function cuesOf(text: string, sentence: Span): SentenceCues {
  const { start, end } = sentence;
  const condition = unconceded(text, start, CONDITION.find(text, start, end));
  const gate = ungated(text, start, unconceded(text, start, GATE.find(text, start, end)));
  const paidThenGiven = PAID.has(text, start, end) && GIVEN_BACK.has(text, start, end);
  return {
    condition,
    gate: paidThenGiven && gate.length === 0 ? [{ start, end: start }] : gate,
    coerced: condition.length > 0 || gate.length > 0 || paidThenGiven,
    agent: AGENT.has(text, start, end),
    target: TARGET.has(text, start, end),
    // 您刚才说没钱: the owner's words reported describe nothing (the clause they stand in is hearsay).
    // 别说没通知: a word of a condition or an ultimatum describes nothing.
    description: DESCRIPTION.find(text, start, end).some(
      (hit) => !condition.some((cue) => hit.start >= cue.start && hit.end <= cue.end) && !(REASONS.has(hit.term) && REASON_IS_DEBT.test(text.slice(hit.end, hit.end + 4))) && !(JUST_NOW.has(hit.term) && SAID.test(text[hit.end] ?? '')),
    ),
    // 不给你送上楼: an offer under a negation is a denial.
    offered: OFFERED.find(text, start, end).some((hit) => !/[不没别甭]$/.test(text.slice(Math.max(start, hit.start - 1), hit.start))),
  };
}

/** Whether the few characters before a harm make it a future or a passive aimed at someone. */
export const futureBefore = (text: string, start: number, clauseStart: number): boolean => FUTURE.test(text.slice(Math.max(clauseStart, start - 6), start));

export const stateQuestionAfter = (text: string, end: number): boolean => STATE_QUESTION.test(text.slice(end, end + 6));

const REPORTED = new RegExp(REPORTED_SOURCE);
/** The owner's words reported before the harm in its clause: 您刚才问是不是不交就停水. */
export const reportedBefore = (text: string, start: number, clauseStart: number): boolean => REPORTED.test(text.slice(clauseStart, start));

export const hearsayBefore = (text: string, start: number, clauseStart: number): boolean => HEARSAY.test(text.slice(clauseStart, start));
