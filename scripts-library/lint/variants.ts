/**
 * Ways of writing a key word that are not the word: typos and homophones typed by a pinyin keyboard (征心 → 征信,
 * 停谁 → 停水, 电悌 → 电梯, 门紧 → 门禁, 暴光 → 曝光), pinyin initials (mj → 门禁, bg → 曝光, lj → 垃圾) and English
 * mixed in (blacklist → 黑名单, cut off → 断掉, no water → 没水). The lint rewrites them before it matches its
 * lexicons, as it does regional words. A key that maps to itself protects a word from a shorter key (门紧闭 keeps its
 * 门紧). Latin keys match only as whole words (ban, not banner), and are rewritten before spaces are read. Pure data.
 */

/** Chinese typos and homophones, keyed after traditional → simplified. */
export const typoWords: readonly (readonly [string, string])[] = [
  // 征信
  ['征心', '征信'], ['争信', '征信'], ['正信', '征信'], ['蒸信', '征信'], ['证信', '征信'], ['征讯', '征信'], ['征性', '征信'], ['争心', '征信'],
  // 停水, 停电, 暖气, 拉闸
  ['停谁', '停水'], ['停税', '停水'], ['断谁', '断水'], ['停暧', '停暖'], ['暧气', '暖气'], ['暖汽', '暖气'], ['拉匝', '拉闸'], ['拉扎', '拉闸'], ['电匝', '电闸'], ['停殿', '停电'], ['断殿', '断电'],
  // 停 typed as a homophone: 亭水, 婷电 (not 挺, which is 挺好; not 庭, which is 家庭电器). Words with 亭 or 婷 of
  // their own keep it (凉亭水池, 小婷电话).
  ['亭水', '停水'], ['婷水', '停水'], ['亭电', '停电'], ['婷电', '停电'], ['亭暖', '停暖'], ['婷暖', '停暖'], ['亭气', '停气'], ['婷气', '停气'], ['亭掉', '停掉'], ['婷掉', '停掉'],
  ['凉亭', '凉亭'], ['岗亭', '岗亭'], ['报亭', '报亭'], ['书亭', '书亭'], ['电话亭', '电话亭'], ['亭子', '亭子'], ['婷电话', '婷电话'],
  // 电梯
  ['电悌', '电梯'], ['电涕', '电梯'], ['电剃', '电梯'], ['店梯', '电梯'], ['电锑', '电梯'], ['电題', '电梯'], ['电踢', '电梯'], ['垫梯', '电梯'], ['电提', '电梯'], ['提卡', '梯卡'],
  // 门禁
  ['门紧闭', '门紧闭'], ['门紧锁', '门紧锁'], ['门紧关', '门紧关'], ['门紧紧', '门紧紧'], ['门紧', '门禁'], ['门近', '门禁'], ['门进卡', '门禁卡'], ['门金卡', '门禁卡'], ['门今卡', '门禁卡'], ['门劲', '门禁'], ['门尽', '门禁'],
  // 曝光, 黑名单, 公示, 老赖
  ['暴光', '曝光'], ['爆光', '曝光'], ['瀑光', '曝光'], ['抱光', '曝光'], ['黑明单', '黑名单'], ['黑民单', '黑名单'], ['黑名丹', '黑名单'], ['公式栏', '公示栏'], ['老癞', '老赖'], ['老濑', '老赖'],
  // 物业费
  ['物业废', '物业费'], ['物业肺', '物业费'], ['物叶费', '物业费'],
];

/** Pinyin initials and English words, matched as whole Latin words after case folding. */
export const latinWords: readonly (readonly [string, string])[] = [
  // Pinyin
  ['zhengxin', '征信'], ['zheng xin', '征信'], ['laolai', '老赖'], ['lao lai', '老赖'], ['baoguang', '曝光'], ['tingshui', '停水'], ['tingdian', '停电'],
  ['mj', '门禁'], ['mjk', '门禁卡'], ['dt', '电梯'], ['dtk', '电梯卡'], ['bg', '曝光'], ['hmd', '黑名单'], ['lj', '垃圾'], ['nt', '脑残'], ['tk', '停卡'], ['wyf', '物业费'], ['wy', '物业'], ['wuye', '物业'], ['wu ye', '物业'], ['wuyefei', '物业费'], ['物ye', '物业'], ['wu业', '物业'], ['qf', '欠费'],
  ['ting', '停'], ['duan', '断'], ['shui', '水'], ['dian', '电'], ['nuanqi', '暖气'], ['dianti', '电梯'], ['menjin', '门禁'], ['xinyong', '信用'], ['heimingdan', '黑名单'], ['gongshi', '公示'],
  ['ye zhu qun', '业主群'], ['yezhu qun', '业主群'], ['yezhuqun', '业主群'], ['yezhu', '业主'], ['qun', '群'], ['weixin qun', '微信群'], ['gonggao lan', '公告栏'], ['gonggaolan', '公告栏'], ['dianziping', '电子屏'],
  // Services and harms
  ['water', '水'], ['power', '电'], ['electricity', '电'], ['electric', '电'], ['gas', '燃气'], ['heating', '暖气'], ['heat', '暖气'], ['hot water', '热水'],
  ['lift', '电梯'], ['elevator', '电梯'], ['access card', '门禁卡'], ['door card', '门禁卡'], ['key card', '门禁卡'], ['keycard', '门禁卡'], ['fob', '门禁卡'],
  ['no water', '没水'], ['no power', '没电'], ['no electricity', '没电'], ['no heating', '没暖气'], ['no heat', '没暖气'], ['no gas', '没气'], ['no lift', '电梯停用'], ['no elevator', '电梯停用'], ['no access', '门禁停用'],
  ['cut off', '断掉'], ['cutoff', '断掉'], ['cut', '断'], ['shut off', '关掉'], ['shut down', '关掉'], ['turn off', '关掉'], ['switch off', '关掉'],
  ['lock', '锁'], ['locked', '锁了'], ['block', '屏蔽'], ['blocked', '屏蔽了'], ['ban', '禁用'], ['banned', '禁用了'], ['disable', '停用'], ['disabled', '停用了'], ['deactivate', '停用'], ['deactivated', '停用了'],
  // Paying
  ['pay first', '先交'], ['first', '先'], ['say bye bye', '就没了'], ['bye bye', '拜拜'], ['byebye', '拜拜'], ['bye', '拜拜'],
  ['pay now', '马上交'], ['pay up', '交钱'], ['pay', '交'], ['no pay', '不交'], ['not pay', '不交'], ["don't pay", '不交'], ['dont pay', '不交'], ['unpaid', '欠费'], ['overdue', '逾期未交'],
  ['and', '和'], ['you', '你'], ['your', '你的'], ['ur', '你的'], ['we', '我们'], ['will', '会'], ['if', '如果'], ['not', '不'], ["don't", '不'], ['dont', '不'], ['arrears', '欠费'],
  ['property fee', '物业费'], ['fees', '费'], ['fee', '费'], ['or else', '否则'], ['otherwise', '否则'], ['or', '否则'],
  // Publicising and credit
  ['blacklist', '黑名单'], ['black list', '黑名单'], ['blacklisted', '上黑名单'], ['expose', '曝光'], ['name and shame', '曝光'], ['wall of shame', '曝光台'],
  ['credit report', '征信'], ['credit record', '征信'], ['credit score', '信用分'], ['credit card', '信用卡'], ['credit', '信用'],
  // Insults
  ['deadbeat', '老赖'], ['idiot', '白痴'], ['moron', '白痴'], ['stupid', '蠢货'], ['loser', '废物'], ['shameless', '不要脸'], ['cheapskate', '铁公鸡'], ['scum', '人渣'], ['trash', '垃圾'], ['garbage', '垃圾'],
];
