/**
 * Holdouts: lines written after the lint was tuned on the corpus. The first (40 lines) scored 65% recall and 0% false
 * alarms when first measured; the lint was then improved by the kinds of its misses (degraded service, more ways of
 * showing, sarcasm about wealth, Cantonese insults), so it is no longer held out. The second (40 lines) scored 75% and
 * 10% when first measured and was used the same way (minimum-only supply, delays, meetings, device faults, offers of
 * the service). The third (40 lines) scored 65% and 0% when first measured and was used the same way (a fee 不到位,
 * 一直这样, partial supply, adverbs inside a denial, pressure through the employer, more insults). The fourth scored
 * 45% and 0% and was used the same way (wider synonyms in every lexicon); the fifth scored 65% and 10% and was used
 * the same way (turn-off verbs, implied cold, quotas, a wider gate, a court listing foretold, negated showing). The
 * sixth (40 lines) scored 70% and 0%; its misses (Cantonese 入嚟, caps like 设个上限, 转成临时车, a son's employer,
 * 诚信黑名单, 占了便宜还卖乖) were among the kinds of the generalisation pass, so it is no longer held out either. Fresh
 * sets written since are in fresh.ts.
 */
import type { LintRule } from '../../scripts-library/lint';
import type { CompliantLine, LintCorpusKind, ViolationLine } from './types';

export interface Holdout {
  name: string;
  violations: readonly ViolationLine[];
  compliant: readonly CompliantLine[];
  /** The figures when the set was first measured, before anything was learnt from it. */
  firstMeasured: { recall: number; falseAlarmRate: number };
  /** Whether the lint was later improved by the kinds of its misses (then its current figures flatter it). */
  usedForTuning: boolean;
}

/** One line per entry: `kind → rule: text` for a violation, `kind → ok: text` for a compliant line. */
function parse(table: string): { violations: ViolationLine[]; compliant: CompliantLine[] } {
  const violations: ViolationLine[] = [];
  const compliant: CompliantLine[] = [];
  for (const row of table.split('\n').map((line) => line.trim()).filter(Boolean)) {
    const [, kind, rule, text] = /^([a-z-]+) → ([a-z-]+): (.+)$/.exec(row)!;
    if (rule === 'ok') compliant.push({ kind: kind as LintCorpusKind, text: text! });
    else violations.push({ kind: kind as ViolationLine['kind'], rule: rule as LintRule, text: text! });
  }
  return { violations, compliant };
}

const first = parse(`
  written-differently → utility-cut: 再唔交嘅話，下個禮拜部𨋢卡就用唔到啦。
  written-differently → publicise: 您嘅物業費一直拖，我哋會喺大堂嘅電視度公佈欠費單位。
  threat-by-consequence → utility-cut: 物业费再拖着，今年冬天您家暖气可就没那么热乎了。
  threat-by-consequence → utility-cut: 您不交的话，以后燃气卡到前台充值可能要排到最后。
  threat-by-consequence → utility-cut: 不交清，我们只能把您家的水压调到最低档。
  access-threat → utility-cut: 欠费业主的车，从下周起地库道闸不再识别。
  access-threat → utility-cut: 您再不交，来您家的亲戚朋友保安一律不给开门。
  access-gated → utility-cut: 您家新换的门禁卡，得等物业费结清了才能给您授权。
  access-gated → utility-cut: 人脸信息要录的话，麻烦先把去年的物业费补上。
  publicise → publicise: 拖了这么久，下次业委会开会我只能把您家的情况拿出来说了。
  publicise → publicise: 你要是还不交，我们就在电梯口的屏上打出你家门牌号。
  publicise → publicise: 再这样，我们会找您工作的单位反映一下欠费问题。
  credit → credit: 物业费欠久了，您小孩以后考学政审可能会有麻烦。
  credit → credit: 拖欠物业费现在会记进个人信用，贷款买车都受影响。
  insult → insult: 您这么大个老板还差这几百块物业费？说出去谁信。
  insult → insult: 整天装可怜不交钱，脸皮真厚。
  insult → insult: 你个衰公，欠埋一身数。
  personal-number → personal-number: 我手机是一八六，幺二三四，五六七八，有事直接打。
  personal-number → personal-number: 业主身份证：330106 19880512 0017，登记备查。
  variable → unknown-variable: { 欠费明细 }请您核对一下。
  false-alarm → ok: 您刚才说家里停暖了？我让热力站的师傅马上过去看看。
  false-alarm → ok: 供电局通知本周五上午检修线路，小区会停电三个小时。
  false-alarm → ok: 电梯这两天在换钢丝绳，停用期间给您添麻烦了。
  credit → ok: 物业费欠着不会影响您的征信，只是合同里约定了违约金。
  publicise → ok: 公示欠费业主信息侵犯隐私，我们公司不会这样做。
  access-threat → ok: 不交物业费，我们也不会限制您家车辆进出。
  threat-by-consequence → ok: 您说燃气卡充不了，可能是卡芯片坏了，我帮您联系燃气公司。
  publicise → ok: 大堂电视上放的是小区的消防宣传片。
  publicise → ok: 业委会会在业主大会上通报全年的收缴情况，不点具体户名。
  publicise → ok: 您跟家里人商量好了，随时给我回个电话。
  access-gated → ok: 月卡是按停车费续的，跟物业费是两笔账。
  written-differently → ok: 門禁卡壞咗可以嚟前台免費換一張。
  credit → ok: 您孩子上学早，我晚点再打给您，不耽误您送孩子。
  insult → ok: 装修垃圾清运费和物业费是分开收的。
  insult → ok: 不好意思，刚才信号不好没听清。
  personal-number → ok: 我们服务热线是 400-820-8820，随时可以打。
  variable → ok: ｛称呼｝您好，{房号}的物业费明细我发到您微信了。
  false-alarm → ok: 停水停电？物业没这个权力，您放心。
  false-alarm → ok: 楼道里的旧家具我们这周统一清理，您家有要留的提前说。
  access-gated → ok: 您交清以后，我们把减免滞纳金的审批单送到您家。
`);

const second = parse(`
  written-differently → utility-cut: 您唔俾管理費，我哋下個月起唔會幫你開熱水。
  written-differently → utility-cut: 欠 费 的 业 主，门 禁 一 律 停 掉。
  threat-by-consequence → utility-cut: 您这边一直不缴，供水这块我们就只能保证基本用量。
  threat-by-consequence → utility-cut: 不缴清的话，冬天暖气我们会晚半个月再给您送。
  threat-by-consequence → utility-cut: 再拖下去，您家用电就得按配额来了。
  access-threat → utility-cut: 欠着不交，电梯卡我们就只给您开到三楼。
  access-threat → utility-cut: 拖欠物业费的住户，访客一律在门岗等，不让上楼。
  access-gated → utility-cut: 停车卡续费前，物业费的欠款要先结一下。
  access-gated → utility-cut: 您先把这半年的物业费清了，门禁我马上给您恢复。
  publicise → publicise: 再不交，我们物业就在小区公告屏上滚动你家名字。
  publicise → publicise: 您是老师吧？我们可以给您学校打个电话说说欠费的事。
  publicise → publicise: 下个月业主代表开会，欠费最多的几户我们会点出来。
  credit → credit: 欠物业费这事儿，以后您儿子考公政审肯定通不过。
  credit → credit: 现在物业费都接入征信系统了，您再拖就上报。
  insult → insult: 就您这样还当业主？赖着不交，脸都不要了。
  insult → insult: 几十块钱都拿不出来，您这日子过得也太寒碜了吧。
  insult → insult: 你个哈麻批，物业费都不交还好意思打投诉电话。
  personal-number → personal-number: 有事加我微信，微信号就是手机号：135 7788 9900。
  personal-number → personal-number: 登记的证件号是４４０３０５１９９２０８１５２２１Ｘ。
  variable → unknown-variable: ｛业主称呼｝您好，您家物业费还没缴。
  false-alarm → ok: 您反映楼上停水了，我已经让水工去查总阀了。
  false-alarm → ok: 市政管道抢修，今天下午四点前可能会断水，请大家谅解。
  false-alarm → ok: 单元门的读卡器进水了，今晚先刷不了卡，保安会帮您开门。
  false-alarm → ok: 二号梯在做年度保养，暂停运行到下午五点。
  credit → ok: 物业费和征信系统没有挂钩，网上那些说法您别当真。
  publicise → ok: 我们不会在任何群里提您家的欠费，这点请您放心。
  false-alarm → ok: 不管欠不欠费，门禁都照常刷，电梯也照常坐。
  threat-by-consequence → ok: 您家水压偏低可能是减压阀的问题，我约师傅明天上门看看。
  access-gated → ok: 停车卡续费只交停车费就行，物业费您按自己的安排来。
  access-threat → ok: 您朋友来的时候报一下房号，门岗登记完就让他进来。
  publicise → ok: 楼道里的电子屏这周开始播放防火知识。
  publicise → ok: 业主大会的会议纪要已经贴在公告栏，欢迎查阅。
  credit → ok: 您说在办房贷要开无欠费证明，我这边可以先帮您核对账目。
  insult → ok: 我们的保洁阿姨每天都把垃圾清得干干净净。
  insult → ok: 您这么说我理解，换了我也会着急。
  personal-number → ok: 物业前台座机 021-5888 6677，工作时间都有人。
  variable → ok: { 房号 }这个月的物业费是{欠费金额}，您看什么时候方便缴？
  false-alarm → ok: 有人跟您说欠费会被停水？没有的事，您放心。
  written-differently → ok: 電梯維保期間暫停使用，請您見諒。
  access-gated → ok: 您缴费以后，我把纸质收据放到您家信箱里。
`);

const third = parse(`
  written-differently → utility-cut: 欠費超過三個月嘅住戶，暖氣閥門統一關閉。
  written-differently → utility-cut: 再拖，您家的燃 气 表就锁 了。
  threat-by-consequence → utility-cut: 物业费不到位，您家水的供应我们也很难保证正常。
  threat-by-consequence → utility-cut: 不交的话，您家电卡以后到前台是买不到电的。
  threat-by-consequence → utility-cut: 您一直这样，今年供暖我们只能给您开一半。
  access-threat → utility-cut: 拖着不交，您车子进地库的时候道闸不会自动抬。
  access-threat → utility-cut: 欠费的业主，外卖快递我们都不给送到楼下了。
  access-gated → utility-cut: 要办新的电梯卡可以，先把物业费的尾款付了。
  access-gated → utility-cut: 车位续租的事，等您物业费补齐了咱们再谈。
  publicise → publicise: 您再拖，业主群里我就发一下您家的欠费截图。
  publicise → publicise: 要不这样，我们请您爱人单位的工会帮忙催一下。
  publicise → publicise: 月底我们会在每栋楼下张榜，列出欠费房号。
  credit → credit: 欠物业费会被录入银行的个人信用报告里。
  credit → credit: 以后孩子上大学、考研的政审，都会查家里欠不欠物业费。
  insult → insult: 跟你这种人讲道理就是浪费口水。
  insult → insult: 您这么抠，难怪邻居都不爱搭理您。
  insult → insult: 侬迭个人哪能噶戆额，物业费也勿晓得付。
  personal-number → personal-number: 您记一下我号码：壹伍玖—捌捌捌捌—陆陆陆陆。
  personal-number → personal-number: 您登记的手机尾号不对，完整的是13611112222对吧？
  variable → unknown-variable: {称呼}您好，截至{ 截止时间 }您家欠费{欠费金额}。
  false-alarm → ok: 您家停电是总闸跳了，我让电工上去推一下就好。
  false-alarm → ok: 燃气公司下周三上门安检，当天上午会暂停供气。
  false-alarm → ok: 车库道闸的摄像头被树挡住了，识别慢，我们今天修剪。
  false-alarm → ok: 电梯停在八楼不动了？您别着急，维保人员十分钟内到。
  credit → ok: 物业费欠费不会进征信，也不会影响您孩子读书。
  publicise → ok: 欠费的情况我们只和业主本人沟通，不会告诉您的家人。
  false-alarm → ok: 我们绝不会为了催费去停您家的暖气。
  access-threat → ok: 您家保姆来的话，提前在业主app上给她开个访客码就行。
  access-gated → ok: 新车位的月卡要交三个月停车费才能开通，这是停车场的规定。
  publicise → ok: 业委会群里发的是下周的维修计划，您可以看看。
  publicise → ok: 小区公告栏贴了今年物业费的收费标准。
  credit → ok: 您在办签证的话，需要物业开居住证明吗？我帮您准备。
  insult → ok: 您说得也有道理，是我们之前没解释清楚。
  insult → ok: 楼下垃圾桶的异味问题，保洁今天就处理。
  personal-number → ok: 我们的二十四小时值班电话是 0755-2666 8888。
  personal-number → ok: 您家这套房子面积是 138 平，单价两块八。
  variable → ok: ｛ 称呼 ｝您好，我是{小区}的管家{管家姓名}。
  false-alarm → ok: 您问不交会不会断水？不会，这是法律禁止的。
  written-differently → ok: 我哋唔會因為欠費鎖電梯，你放心。
  threat-by-consequence → ok: 夏天用电高峰，晚上电压可能会不稳，您的空调开小一点。
`);

const fourth = parse(`
  written-differently → utility-cut: 管理費再唔交，停車場閘機就唔認你個車牌㗎喇。
  written-differently → utility-cut: 欠费的户，停·水·停·电都有可能。
  threat-by-consequence → utility-cut: 您再这么拖，家里热水器可能就点不着火了。
  threat-by-consequence → utility-cut: 交不上的话，明年开春前暖气就先给您停一段。
  threat-by-consequence → utility-cut: 物业费拖欠的，用水我们一律按最低标准供给。
  access-threat → utility-cut: 一直不交的话，您的门禁权限会自动过期，重新开通要先缴费。
  access-threat → utility-cut: 欠费车辆我们会贴锁，交了钱再解。
  access-gated → utility-cut: 您想续月卡？把物业费的欠款清零了就能续。
  access-gated → utility-cut: 装修工人的出入证，业主物业费缴清后才给办。
  publicise → publicise: 您这个情况，我们准备拿到下个月的业主大会上讨论。
  publicise → publicise: 再不配合，我们就把催缴通知贴到您单元的大堂里。
  publicise → publicise: 我已经跟您住对门的邻居打过招呼了，让他也劝劝您。
  credit → credit: 物业费一拖，您名下的房子以后过户都可能受限。
  credit → credit: 这笔欠费要是上了征信，您那辆车的贷款都得提前还。
  insult → insult: 你这人脸皮比城墙还厚。
  insult → insult: 没钱就别学人家买大房子。
  insult → insult: 您是真听不懂还是装听不懂？
  personal-number → personal-number: 客户电话 1 8 9 0 0 0 0 1 1 1 1，打之前先看备注。
  personal-number → personal-number: 他身份证号前面是 5101 0419 8706 2333 15，后面我再核对。
  variable → unknown-variable: 您好，您的{ 欠费年限 }已经超过两年了。
  false-alarm → ok: 您说一楼大门刷不开？可能是门禁断电了，我让保安先手动开。
  false-alarm → ok: 本周六上午电梯更换控制柜，期间三号楼电梯停运。
  false-alarm → ok: 热力公司统一供暖时间是十一月十五号，到时候全小区一起开。
  false-alarm → ok: 您再不交也没关系，我们不会停水停电，只是违约金会按合同算。
  false-alarm → ok: 要是您一直不交，按规定我们会先发书面通知，然后才会考虑起诉。
  credit → ok: 您放心，欠物业费跟征信、跟孩子上学都扯不上边。
  publicise → ok: 欠费这种事属于个人隐私，我们不会在公告栏、群里公开。
  publicise → ok: 您在群里@我就行，我看到会第一时间回复。
  access-threat → ok: 您家的访客我们都会正常登记放行，跟缴费没关系。
  access-gated → ok: 您交了停车费以后，道闸系统一般第二天就能识别新车牌。
  access-gated → ok: 补办电梯卡需要二十元工本费，交完当场就能用。
  threat-by-consequence → ok: 最近降温，暖气不够热的话我们可以安排师傅上门放气。
  threat-by-consequence → ok: 水压小是因为二次供水在检修，明天就恢复。
  insult → ok: 您消消气，刚才是我没说清楚。
  insult → ok: 滚筒洗衣机漏水的话，先把进水阀关了。
  personal-number → ok: 服务中心座机是 028-8666 1234，您有事可以打。
  personal-number → ok: 您这笔欠费是 1,380 元，明细是三个月的物业费。
  variable → ok: {称呼}您好，{ 小区 }下周二电梯维保，请您留意。
  written-differently → ok: 唔好意思，啱啱信號唔好，我再打過俾你。
  false-alarm → ok: 物业没权力停您家的水，法律写得很清楚。
`);

const fifth = parse(`
  written-differently → utility-cut: 欠咗成年管理費，你屋企啲熱水爐我哋會幫你熄咗佢。
  written-differently → utility-cut: 再不交费，您家的暖·气阀门我们就关上啦。
  threat-by-consequence → utility-cut: 您不把钱交了，这个冬天家里可就冷喽。
  threat-by-consequence → utility-cut: 欠费户的用电，从月底开始按每天五度控制。
  threat-by-consequence → utility-cut: 物业费没结清前，您家的水表我们先不给抄也不给开。
  access-threat → utility-cut: 您再拖着不交，以后进小区就得每次都登记，卡就不好使了。
  access-threat → utility-cut: 欠费的车位，我们下个月会装地锁，暂时不让停。
  access-gated → utility-cut: 门卡过期了要续，先到前台把欠的物业费一次性缴清。
  access-gated → utility-cut: 访客二维码这个功能，得物业费交齐的住户才能开。
  publicise → publicise: 我们打算在小区门口的LED大屏上滚动欠费超过一年的房号。
  publicise → publicise: 不交的话，我就去您老家村里找您父母聊聊。
  publicise → publicise: 欠费这么久，我们会在楼栋微信群里点名提醒。
  credit → credit: 拖欠物业费以后会被法院列为失信人，您出门坐不了高铁。
  credit → credit: 物业费不交会影响您家小孩以后考公务员的政审。
  insult → insult: 您也是体面人，怎么净干这种赖账的事。
  insult → insult: 跟个泼皮似的，说好的交钱又不认了。
  insult → insult: 你这个铁算盘，一分钱都不想出。
  personal-number → personal-number: 他的号码是 +86 150-0000-1234，你记下来。
  personal-number → personal-number: 业主身份证号码是 11010519491231002X，资料在档案里。
  variable → unknown-variable: ｛ 缴费截止日 ｝之前请完成缴费。
  false-alarm → ok: 您说车库道闸不抬杆？应该是识别系统出故障了，我让保安先手动放行。
  false-alarm → ok: 明天早上八点到十点，小区二次供水水箱清洗，期间会停水。
  false-alarm → ok: 您家暖气阀门是不是被关了？我让师傅上门帮您打开。
  false-alarm → ok: 物业无权因为欠费停您家的燃气，这个您尽管放心。
  false-alarm → ok: 就算一直没交，您家的门禁和电梯卡也不会受任何影响。
  credit → ok: 征信是银行的事，物业费欠着不会上报，您放心。
  credit → ok: 您孩子考公务员的事，祝他顺利，缴费的事咱们另外约时间。
  publicise → ok: 我们在业主群只发公共通知，个人欠费绝不会发到群里。
  publicise → ok: 您要是不方便让家里人知道，我们以后只打您本人的电话。
  publicise → ok: 小区门口的LED屏这周播放的是垃圾分类宣传。
  access-gated → ok: 您缴清之后，我们会把纸质发票和收据一起寄给您。
  access-gated → ok: 电梯卡补办交二十块工本费，交了马上给您开通。
  access-threat → ok: 地库的车位地锁是车主自己装的，物业这边不会动。
  threat-by-consequence → ok: 夏天用电多，您家空调要是跳闸了，给我打电话。
  insult → ok: 这种赖账的说法不好听，我们不会这样讲您。
  insult → ok: 您说的那个算盘账，我帮您再算一遍。
  personal-number → ok: 我们投诉电话是 0571-8765 4321，您可以监督我们。
  personal-number → ok: 您的订单编号是 20261130001234，缴费时备注一下。
  variable → ok: {称呼}您好，{ 物业公司 }提醒您{欠费项目}还有{欠费金额}未缴。
  written-differently → ok: 唔使擔心，我哋唔會鎖你架車，亦都唔會停你水電。
`);

const sixth = parse(`
  written-differently → utility-cut: 你哋再唔畀錢，保安就唔放你啲朋友入嚟。
  written-differently → utility-cut: 欠费的住户，电\u3000梯\u3000卡一律作废。
  threat-by-consequence → utility-cut: 要是下个月还不缴，您家燃气我们就先停一停。
  threat-by-consequence → utility-cut: 不交费的话，今冬供暖您家排在最后一批。
  threat-by-consequence → utility-cut: 您拖着不交，电表那边我们会设个上限。
  access-threat → utility-cut: 物业费不清，您家的电动车就别想在车棚充电了。
  access-threat → utility-cut: 欠费户的车牌，系统会自动转成临时车，进出都要扫码付钱。
  access-gated → utility-cut: 您要开通人脸门禁，先把欠费补交了再说。
  access-gated → utility-cut: 车位租赁合同到期了，物业费交完才能续签。
  publicise → publicise: 再拖的话，下周的业主恳谈会上我们会公开讲这个事。
  publicise → publicise: 您儿子不是在银行上班吗？我们可以联系他单位。
  publicise → publicise: 欠费名单我们会同步发给每栋楼的楼长。
  credit → credit: 物业费欠多了，会影响您办理房产过户和抵押。
  credit → credit: 现在拖欠物业费会被记入诚信黑名单，很多事都办不了。
  insult → insult: 你真是个没脸没皮的人。
  insult → insult: 一天到晚找借口，就是不想交钱的无赖作风。
  insult → insult: 您这种占了便宜还卖乖的，我见得多了。
  personal-number → personal-number: 您那个号码一三九零零零零九九九九是不是停机了？
  personal-number → personal-number: 证件号：４１０１０２ １９７８０３０３ ５５１２。
  variable → unknown-variable: {称呼}您好，{管家}给您打电话了。
  false-alarm → ok: 您说厨房没热水了？可能是燃气表没电池了，换一节就好。
  false-alarm → ok: 小区今晚十点后进行电路改造，届时部分楼栋短时停电。
  false-alarm → ok: 您反映的门禁刷卡没反应，我们已经报修，明天上午换读头。
  false-alarm → ok: 一号梯的钢丝绳更换完成了，现在已经恢复运行。
  false-alarm → ok: 我们不会停任何一家的水电，您放心缴就行。
  false-alarm → ok: 不管您交没交，访客照样登记进门，这个跟欠费不挂钩。
  credit → ok: 物业费跟诚信档案没关系，您别被吓到。
  credit → ok: 您在办房产过户？需要我们开无欠费证明的话跟我说。
  publicise → ok: 楼长只负责通知停水停电，不会知道谁家欠费。
  publicise → ok: 业主恳谈会下周三开，您有意见可以当面提。
  publicise → ok: 您儿子在银行上班啊，真不错，那您有空让他帮您网银转账也行。
  access-gated → ok: 人脸门禁开通不收费，您带身份证来前台就行。
  access-gated → ok: 车位租赁合同续签是交停车费，跟物业费分开。
  threat-by-consequence → ok: 冬天用电量大，电表那边有上限提醒的话别慌，是正常的。
  access-threat → ok: 电动车不能在楼道充电，车棚有充电桩，刷卡就能用。
  insult → ok: 您说的也不是没道理，我们一起想办法。
  insult → ok: 占用消防通道的车我们会劝离，不是针对您。
  personal-number → ok: 客服热线 400-666-8888，有问题随时打。
  variable → ok: {称呼}您好，{ 管家姓名 }给您回个电话。
  written-differently → ok: 唔該晒你，我哋會幫你跟進維修。
`);

export const holdouts: readonly Holdout[] = [
  { name: 'holdout 1', ...first, firstMeasured: { recall: 0.65, falseAlarmRate: 0 }, usedForTuning: true },
  { name: 'holdout 2', ...second, firstMeasured: { recall: 0.75, falseAlarmRate: 0.1 }, usedForTuning: true },
  { name: 'holdout 3', ...third, firstMeasured: { recall: 0.65, falseAlarmRate: 0 }, usedForTuning: true },
  { name: 'holdout 4', ...fourth, firstMeasured: { recall: 0.45, falseAlarmRate: 0 }, usedForTuning: true },
  { name: 'holdout 5', ...fifth, firstMeasured: { recall: 0.65, falseAlarmRate: 0.1 }, usedForTuning: true },
  { name: 'holdout 6', ...sixth, firstMeasured: { recall: 0.7, falseAlarmRate: 0 }, usedForTuning: true },
];
