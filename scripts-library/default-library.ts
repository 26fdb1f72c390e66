/**
 * The default 话术 library: the trade's techniques (timely reminders, 断其后路, scripts by owner type,
 * listen-then-solve, warm close) in our own words. Every stage has at least two variants. Pure.
 */
import { sameContent } from './operations';
import { currentVersion, type ScriptContent, type ScriptEntry, type ScriptLibrary } from './schema';
import type { OwnerType, ScriptKind, StageId, Tone } from './stages';

type Draft = [id: string, stage: StageId, title: string, ownerTypes: OwnerType[], tone: Tone, kind: ScriptKind, text: string, tags?: string[], fallbacks?: Record<string, string>];

const ALL: OwnerType[] = ['A', 'B', 'C', 'D', 'E'];

const DRAFTS: Draft[] = [
  // ── 开场 ──
  ['opening-warm', 'opening', '温和开场', ALL, '温和', '通用', '{称呼}您好，我是{物业公司}的管家{管家姓名}。打扰您两分钟，有件关于{房号}的事想跟您说一下，现在方便吗？', ['开场']],
  ['opening-brief', 'opening', '简短开场（老业主）', ['A', 'C'], '温和', '通用', '{称呼}您好，我是{小区}的管家{管家姓名}。就一件小事，说完就不耽误您了。', ['开场']],
  ['opening-shop', 'opening', '商铺开场', ALL, '坚定', '商铺', '{称呼}您好，我是{物业公司}负责商铺的管家{管家姓名}。知道您店里忙，我长话短说，是关于{房号}费用的事。', ['开场', '商铺']],

  // ── 确认身份 ──
  ['identity-owner', 'identity', '确认是否业主本人', ALL, '温和', '通用', '请问您是{房号}的业主本人吗？费用上的事，我得跟业主本人或者家里做主的人说。', ['身份']],
  ['identity-payer', 'identity', '确认缴费人', ['C'], '温和', '通用', '请问家里平时是哪位在管物业费？方便的话告诉我怎么联系他。具体的账目我只能跟业主或缴费人本人说，请您谅解。', ['身份', '租户']],

  // ── 家属 / 租户代接 ──
  ['third-party-ask', 'third-party', '问业主何时方便', ALL, '温和', '通用', '好的，谢谢您。麻烦问一下，业主一般什么时候方便接电话？我到时候再打过来。具体的事情我得跟业主本人说，请您理解。', ['家属', '租户']],
  ['third-party-message', 'third-party', '请家属转告回电', ALL, '温和', '通用', '那就麻烦您转告一声：{物业公司}的管家{管家姓名}找业主有点事，请他方便的时候回个电话。谢谢您！', ['家属', '回电']],

  // ── 欠费提醒 ──
  ['reminder-forgot', 'reminder', '提醒忘缴（A 类）', ['A'], '温和', '通用', '是这样的，我们对账时看到{房号}从{最早欠费月份}起的{欠费项目}还没有缴，一共{欠费金额}。可能是最近事情多忘了，特地打电话跟您说一声。', ['提醒']],
  ['reminder-firm', 'reminder', '明确告知欠费（D 类）', ['D'], '坚定', '通用', '跟您说一下账目：{房号}从{最早欠费月份}起的{欠费项目}一直没有缴，到现在是{欠费月数}，一共{欠费金额}。今天想跟您把缴费的时间定下来。', ['提醒']],
  ['reminder-dispute', 'reminder', '有意见的业主（B 类）', ['B'], '温和', '通用', '我知道您对我们的服务有些意见，今天打电话，一是想听听您的想法，二是跟您说一下：{房号}还有{欠费金额}的{欠费项目}没有缴。', ['提醒', '异议']],
  ['reminder-away', 'reminder', '不在本地的业主（C 类）', ['C'], '温和', '通用', '我长话短说：{房号}从{最早欠费月份}起的{欠费项目}还没有缴，一共{欠费金额}。您不用专门回来，在手机上就能缴。', ['提醒', '在外地']],
  ['reminder-hardship', 'reminder', '可能有困难的业主（E 类）', ['E'], '温和', '通用', '打扰您了。{房号}从{最早欠费月份}起还有{欠费金额}没有缴。要是最近手头紧，您跟我直说，我们一起想办法。', ['提醒', '困难']],
  ['reminder-shop', 'reminder', '商铺欠费提醒', ALL, '坚定', '商铺', '{房号}的{欠费项目}已经{欠费月数}没有缴了，一共{欠费金额}。按合同每个月都要按时缴，今天跟您确认一下怎么安排。', ['提醒', '商铺']],
  ['reminder-shop-late-fee', 'reminder', '商铺欠费提醒（有滞纳金）', ['D'], '坚定', '商铺', '{房号}的{欠费项目}已经{欠费月数}没有缴了，一共{欠费金额}，台账上另有滞纳金{滞纳金}。按合同每个月都要按时缴，今天跟您确认一下怎么安排。', ['提醒', '商铺']],

  // ── 说明费用用途 ──
  ['explain-services', 'explain', '费用用在哪里', ALL, '温和', '通用', '这笔钱用在大家每天都碰得到的地方：楼道和电梯的保洁、门岗和夜里的巡逻、电梯的维保和年检、绿化修剪，还有公共设施坏了随叫随修。每家按时缴，这些服务才不会打折扣。', ['说明']],
  ['explain-contract', 'explain', '费用是双方的约定', ['B', 'D'], '坚定', '通用', '物业费是买房时和物业签下的服务约定：我们按约定提供服务，业主按约定缴费。服务哪里做得不够您尽管提，我们改；费用本身还是要按约定缴的。', ['说明']],

  // ── 断其后路：还没有约定，先问清 ──
  ['pin-vague', 'pin', '“过两天”落实到具体日期', ['A', 'D'], '坚定', '通用', '那我们说个具体的日子吧，这样我好跟财务对账：您看这周五还是下周一方便？是一次缴清{欠费金额}，还是先缴一部分？用微信、支付宝还是转账？', ['断其后路', '承诺']],
  ['pin-busy', 'pin', '忙的业主：转账，定日子', ['C', 'A'], '温和', '通用', '您忙，就不用专门跑前台了，手机转账或者扫码都行。您看哪一天方便操作？缴多少？我记下来，当天跟财务核对。', ['断其后路', '转账']],
  ['pin-firm', 'pin', '“过两天”不算数', ['D'], '坚定', '通用', '“过两天”我这边没法记，我们定一个您能做到的具体日期吧：哪一天、缴多少、用什么方式？我记下来，到时候没看到的话我再打给您。', ['断其后路']],

  // ── 缴费方式 ──
  ['channel-transfer', 'channel', '转账信息', ['C'], '温和', '通用', '转账的话，收款账户是{收款账户}，转账备注里写上{房号}，对账就不会出错。转好后截个图发给我也行。', ['缴费方式', '转账']],
  ['channel-options', 'channel', '可选的缴费方式', ALL, '温和', '通用', '缴费有几种方式：扫前台的微信或支付宝收款码、银行转账，或者到物业前台刷卡、交现金都可以。您习惯用哪一种？', ['缴费方式']],

  // ── 异议：报修未处理 ──
  ['repair-acknowledge', 'objection-repair', '先认下维修问题', ['B'], '温和', '通用', '您说的这个问题我先记下来：具体是哪个位置、从什么时候开始的、现在是什么情况？我这就给您开维修单，师傅上门的时间一定下来就告诉您。', ['维修', '异议']],
  ['repair-scheduled', 'objection-repair', '维修单已开好', ['B'], '温和', '通用', '维修单已经开好了，{回访日期}前会安排师傅上门，修好以后我再打电话回访您。', ['维修', '回访']],
  ['repair-separate', 'objection-repair', '维修与缴费分开处理', ['B', 'D'], '坚定', '通用', '维修拖了这么久，是我们没做好，我向您道歉，这件事我会盯到底。不过维修和物业费是两件事：维修我们马上落实；费用这边，您看修好以后哪天方便缴？', ['维修', '异议', '断其后路']],
  ['repair-leak', 'objection-repair', '漏水：先止损再谈费用', ['B'], '温和', '住宅', '漏水不能等，我先请维修师傅今天就去看，能先止住的先止住，需要做闭水试验的按试验结果定方案。进度我每天给您回个话，费用的事等师傅看过以后再约时间细说。', ['维修', '漏水']],

  // ── 异议：房屋质量 ──
  ['quality-warranty', 'objection-quality', '开发商保修范围', ['B'], '温和', '通用', '屋面、外墙渗漏这类问题还在开发商的保修期里，由开发商负责修。我们会替您把问题报给开发商，一直跟到有结果。物业费对的是日常服务，这两件事我们分开办，您看可以吗？', ['质量', '开发商']],
  ['quality-follow', 'objection-quality', '质量问题书面跟进', ['B', 'D'], '坚定', '通用', '您反映的质量问题，我会整理成书面材料交给开发商，并把回复的期限告诉您。物业服务我们一直在做，费用还是按约定来，我们先把缴费的日子定一下吧。', ['质量', '开发商']],

  // ── 异议：服务不满 ──
  ['service-ask', 'objection-service', '问清哪项服务', ['B'], '温和', '通用', '谢谢您直接告诉我。具体是保洁、安保还是维修哪一块让您不满意？什么时候、在哪里？我记清楚，今天就转给负责的主管，再约时间跟您说处理结果。', ['服务', '投诉']],
  ['service-apologise', 'objection-service', '致歉并回到费用', ['B'], '坚定', '通用', '这件事确实是我们做得不到位，我代表物业向您道歉，整改我会一直跟进并给您回复。也请您理解，服务要做好离不开物业费，您看哪天方便把费用缴上？', ['服务', '投诉']],
  ['service-reply-date', 'objection-service', '投诉已登记，告知答复日', ['B'], '温和', '通用', '您的投诉我已经登记了，{回访日期}前主管会给您答复，到时候我也会跟您确认处理得怎么样。', ['服务', '投诉']],

  // ── 异议：没住 / 空置 ──
  ['vacant-common', 'objection-vacant', '空置也在享受公共服务', ['D'], '温和', '住宅', '房子暂时没住，这个我了解。不过小区的电梯、安保、绿化和公共区域的保洁一直在运转，这是全小区共用的，所以费用还是要缴的。有没有空置优惠要看合同和本地规定，我可以帮您查一下。', ['空置']],
  ['vacant-discount', 'objection-vacant', '按规定查空置优惠', ['D', 'A'], '坚定', '住宅', '空置能不能优惠，要以合同和本地的规定为准，我今天就帮您核实，能优惠的按规定算。核实之后剩下的部分，您看哪天缴清合适？', ['空置']],

  // ── 异议：邻居也没交 ──
  ['neighbours-own', 'objection-neighbours', '每户是自己的约定', ['D'], '坚定', '通用', '其他住户我们也在一户一户地沟通。不过每户的物业费都是自己和物业的约定，不能互相比着来。我们先把您家的事处理好，您看哪天方便？', ['邻居']],
  ['neighbours-calm', 'objection-neighbours', '不比较，只谈自家', ['D', 'B'], '温和', '通用', '您的感受我理解，谁都不愿意吃亏。其他住户我们都在跟进，不会只盯着您一家。咱们就把您家的事说清楚，定个您方便的日子，好吗？', ['邻居']],

  // ── 异议：经济困难 ──
  ['hardship-listen', 'objection-hardship', '先听后帮', ['E'], '温和', '通用', '听您这么说，最近确实不容易。我们可以一起想办法：分几次缴、晚一点缴，或者我帮您申请减免滞纳金。您看每个月大概能安排多少？', ['困难', '分期']],
  ['hardship-plan', 'objection-hardship', '困难户的具体安排', ['E'], '温和', '通用', '那我们这样：先定第一次哪天缴、缴多少，剩下的分几次，每次的日期和金额我都写清楚发给您留底。滞纳金我去跟主管申请减免，有结果第一时间告诉您。', ['困难', '分期', '减免']],

  // ── 异议：忙 / 在外地 ──
  ['busy-transfer', 'objection-busy', '在外地：转账就行', ['C'], '温和', '通用', '您在外地也不用专门回来，手机转账就可以。您看哪天方便转？转多少？到账以后我给您回个消息。', ['在外地', '转账']],
  ['busy-account', 'objection-busy', '发账户，稍后确认', ['C'], '温和', '通用', '收款账户是{收款账户}，我这就发到您手机上。您方便的时候转一下，半小时后我再跟您确认。', ['在外地', '转账', '回电']],
  ['busy-callback', 'objection-busy', '正忙：约回电时间', ['C', 'A'], '温和', '通用', '您现在忙，我就不多打扰了。您看今天晚上七点还是明天上午十点，我再给您打过来？就几分钟的事。', ['回电']],

  // ── 异议：前物业遗留 ──
  ['legacy-plan', 'objection-legacy', '书面承诺分阶段处理', ['B'], '温和', '通用', '前任物业留下的问题让您受了影响，这个我们认。我们会把要解决的事列成清单、写明完成时间，书面给您一份，每完成一项就告诉您。眼下的物业费还请您按约定缴，我们用行动说话。', ['遗留问题']],
  ['legacy-separate', 'objection-legacy', '遗留问题与本期费用', ['B', 'D'], '坚定', '通用', '前期的遗留问题我们正在一项一项处理，进度您随时可以来前台查。这一期的服务是我们在做，这部分费用请您安排一下，您看哪天方便？', ['遗留问题']],

  // ── 异议：打错 / 非本人 ──
  ['wrong-person', 'objection-wrong-person', '打错电话', ALL, '温和', '通用', '不好意思，可能是号码登记错了，打扰您了。祝您生活愉快。', ['打错']],
  ['wrong-number-fix', 'objection-wrong-person', '请对方确认号码', ALL, '温和', '通用', '打扰您了，我们这边登记的号码可能有误，我回去核对一下。不好意思，再见。', ['打错']],

  // ── 分期 / 缓缴 ──
  ['instalment-offer', 'instalment', '提出分期方案', ['E', 'D'], '温和', '通用', '一次缴清有压力的话，可以分几次缴。我们把每一次的日期和金额都定下来，我发短信给您留底。您看分几次合适？', ['分期']],
  ['instalment-firm', 'instalment', '分期也要按期', ['D'], '坚定', '通用', '分期可以，但每一期都要按说好的日子缴。我们先把每期的日子和金额定下来；哪一期有变化，请提前跟我说。', ['分期']],

  // ── 失约 ──
  ['broken-check', 'broken-promise', '失约后先问原因', ['A', 'C', 'E'], '温和', '通用', '上次我们约好{上次约定日期}缴{上次约定金额}，财务那边还没查到，想问问是不是遇到什么情况了？时间不合适的话，我们重新定一个。', ['失约']],
  ['broken-firm', 'broken-promise', '失约后重新约定', ['D'], '坚定', '通用', '上次说好的{上次约定日期}已经过了，账上还没看到这{上次约定金额}。这次我们定一个您一定能做到的日子，我记下来，到时候准时跟进。', ['失约', '断其后路']],

  // ── 维修回访 / 投诉答复 ──
  ['revisit-ask', 'revisit', '回访：问维修结果', ALL, '温和', '通用', '我是管家{管家姓名}，给您回访一下{回访事项}：处理以后现在怎么样了？问题解决了吗？', ['回访', '维修']],
  ['revisit-fixed', 'revisit', '已修好：谢谢并结单', ALL, '温和', '通用', '修好了就好，谢谢您的耐心。维修这边我就先结单了，以后再有问题随时找我。', ['回访']],
  ['revisit-not-fixed', 'revisit', '没修好：道歉并重新安排', ALL, '温和', '通用', '实在抱歉，还没处理好。我马上再派师傅，重新约上门的时间；这件事处理好之前，我不会跟您谈费用的事。', ['回访']],

  // ── 明确拒缴 ──
  ['refusal-record', 'refusal', '记录原因，说明后续', ['D'], '坚定', '通用', '您的意见我都记下来了，会如实报给主管。按规定，我们还会给您发书面的缴费通知；要是一直谈不拢，后面可能会请业主委员会出面协调，或者依法处理。我们还是希望能当面谈妥。', ['拒缴']],
  ['refusal-door', 'refusal', '约上门面谈', ['D', 'B'], '温和', '通用', '电话里可能说不清楚，您看这周哪天方便，我和主管上门当面跟您聊聊？有哪里不满意的，我们当面听、当面改。', ['拒缴', '上门']],

  // ── 结束与复述 ──
  ['close-recap', 'close', '复述约定并道谢', ALL, '温和', '通用', '那我们就说定了：{约定安排}。到时候我会跟进，谢谢您的配合。有事随时找我，我是管家{管家姓名}。', ['结束', '复述']],
  ['close-repair', 'close', '维修已登记的结束', ALL, '温和', '通用', '维修的事我这边马上安排，{回访日期}前会有人跟您联系。谢谢您把情况告诉我们，有事随时找我。', ['结束', '维修']],
  ['close-callback', 'close', '约好回电的结束', ALL, '温和', '通用', '好的，那我{回电时间}再给您打过来。打扰您了，谢谢。', ['结束', '回电']],
  ['close-no-promise', 'close', '没有约定时的结束', ALL, '温和', '通用', '今天先聊到这里，您有什么想法随时找我，我是管家{管家姓名}。打扰您了，谢谢。', ['结束']],

  // ── 未接通 / 留言 ──
  ['no-answer-voicemail', 'no-answer', '语音留言', ALL, '温和', '通用', '您好，我是{小区}的管家{管家姓名}，有件事想跟您说，您方便的时候回个电话就好，谢谢。', ['留言']],
  ['no-answer-later', 'no-answer', '语音留言（稍后再打）', ['C'], '温和', '通用', '您好，我是{物业公司}的管家{管家姓名}，刚才打您电话没接通，晚一点我再联系您，您方便时也可以回个电话。', ['留言']],

  // ── 文字消息 ──
  ['sms-reminder', 'message-reminder', '缴费提醒（短信/微信）', ['A', 'C'], '温和', '通用', '{称呼}您好，我是{小区}管家{管家姓名}。{房号}截至目前还有{欠费项目}{欠费金额}未缴（自{最早欠费月份}起）。可通过微信、支付宝、转账或到前台缴纳，如已缴请忽略。有疑问随时联系我。', ['短信', '微信']],
  ['sms-reminder-shop', 'message-reminder', '商铺缴费提醒', ALL, '坚定', '商铺', '{称呼}您好，{房号}的{欠费项目}尚有{欠费金额}未缴（{欠费月数}），请于本月内安排缴纳。如需对账，请联系管家{管家姓名}。', ['短信', '商铺']],
  ['sms-promise-due', 'message-promise-due', '约定日前一天提醒', ALL, '温和', '通用', '{称呼}您好，提醒一下：您约定{约定日期}通过{缴费方式}缴纳{约定金额}，到时财务会核对。如有变化请提前告诉我。管家{管家姓名}', ['短信', '承诺']],
  ['sms-promise-due-transfer', 'message-promise-due', '约定日提醒（附转账信息）', ['C'], '温和', '通用', '{称呼}您好，您约定{约定日期}转账{约定金额}。收款账户：{收款账户}，备注请写{房号}。转账后回复截图即可，谢谢。管家{管家姓名}', ['短信', '转账']],
  ['sms-broken', 'message-broken-promise', '失约后的消息', ALL, '温和', '通用', '{称呼}您好，您之前约定{上次约定日期}缴纳的{上次约定金额}，我们暂未查到。是否遇到了不便？方便时回个电话，我们重新商量时间。管家{管家姓名}', ['短信', '失约']],
  ['sms-broken-firm', 'message-broken-promise', '失约后的消息（坚定）', ['D'], '坚定', '通用', '{称呼}您好，{房号}约定于{上次约定日期}缴纳的费用至今未到账，目前欠费合计{欠费金额}。请在三日内联系管家{管家姓名}确认缴费时间。', ['短信', '失约']],
];

export const DEFAULT_AUTHOR = '系统默认';

export function defaultEntries(at: string): ScriptEntry[] {
  return DRAFTS.map(([id, stage, title, ownerTypes, tone, kind, text, tags = [], fallbacks = {}]) => {
    const content: ScriptContent = { title, stage, ownerTypes, tone, kind, text, tags, fallbacks };
    return { id, archived: false, versions: [{ ...content, version: 1, author: DEFAULT_AUTHOR, at, note: '默认话术' }] };
  });
}

export const defaultLibrary = (at: string): ScriptLibrary => ({ entries: defaultEntries(at) });

/** Written by the app, never by a person: every version authored by 系统默认. */
const untouched = (entry: ScriptEntry): boolean => entry.versions.every((version) => version.author === DEFAULT_AUTHOR);

/**
 * A library brought up to this version's defaults without touching anyone's work: a default script nobody edited
 * gets the new wording as a new version (its history kept), one this version no longer ships is archived (never
 * deleted), new defaults are added; every script a lead edited, wrote or archived stays exactly as it is.
 */
export function upgradeDefaults(entries: readonly ScriptEntry[], at: string): ScriptEntry[] {
  const defaults = new Map(defaultEntries(at).map((entry) => [entry.id, entry]));
  const upgraded = entries.map((entry): ScriptEntry => {
    if (!untouched(entry)) return entry;
    const shipped = defaults.get(entry.id);
    if (!shipped) return entry.archived ? entry : { ...entry, archived: true };
    const current = currentVersion(entry);
    const wanted = currentVersion(shipped);
    if (sameContent(current, wanted)) return entry;
    return { ...entry, versions: [...entry.versions, { ...wanted, version: current.version + 1, note: '默认话术更新' }] };
  });
  const present = new Set(entries.map((entry) => entry.id));
  return [...upgraded, ...[...defaults.values()].filter((entry) => !present.has(entry.id))];
}
