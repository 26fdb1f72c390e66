import { describe, expect, it } from 'vitest';
import { hasErrors, LINT_TERM_CATEGORIES, lintScript, type CustomLintTerm, type LintFinding, type LintRule } from '../../../scripts-library/lint';
import { normaliseText, originalSpan } from '../../../scripts-library/lint/normalise';

const errorsOf = (text: string, customTerms?: readonly CustomLintTerm[]): LintFinding[] =>
  lintScript(text, customTerms ? { customTerms } : {}).filter((finding) => finding.severity === 'error');
const rulesOf = (text: string): LintRule[] => errorsOf(text).map((finding) => finding.rule);

/** One kind: lines the rule must block, and lines with the same words it must let through. */
function kind(rule: LintRule, blocked: readonly string[], passed: readonly string[]): void {
  it.each(blocked)(`blocks (${rule}): %s`, (line) => {
    expect(rulesOf(line)).toContain(rule);
  });
  it.each(passed)('lets through: %s', (line) => {
    expect(errorsOf(line)).toEqual([]);
  });
}

/** Lines a lead might write that must be blocked, with the rule that blocks them. */
const BAD: [string, LintRule][] = [
  ['再不交的话，下个月就给您家停水。', 'utility-cut'],
  ['欠费超过半年，我们会断您的电。', 'utility-cut'],
  ['您家的暖气到时候可能就停掉了。', 'utility-cut'],
  ['如果还拖着，只能把燃气给关了。', 'utility-cut'],
  ['物业有权拉闸，请您考虑清楚。', 'utility-cut'],
  ['不交费的话水电都会被停掉。', 'utility-cut'],
  ['逾期未缴的，小区将停止供暖。', 'utility-cut'],
  ['您的门禁卡下周就会被注销。', 'utility-cut'],
  ['电梯卡会停用，到时候只能走楼梯。', 'utility-cut'],
  ['我们会把您家的门禁停了。', 'utility-cut'],
  ['欠费车辆以后不让进小区。', 'utility-cut'],
  ['再拖下去，车库道闸就刷不开了。', 'utility-cut'],
  ['我们会在公告栏张贴欠费业主的房号。', 'publicise'],
  ['下周要在业主群里公布没交的名单。', 'publicise'],
  ['欠费名单会贴到每个单元门口。', 'publicise'],
  ['您再不交，我们只好把您家曝光了。', 'publicise'],
  ['长期不交的会被列入小区黑名单。', 'publicise'],
  ['您的名字会被挂出来，大家都能看到。', 'publicise'],
  ['欠物业费会影响您的征信。', 'credit'],
  ['这个会记入您的个人信用记录。', 'credit'],
  ['拖欠物业费以后会影响孩子上学。', 'credit'],
  ['以后办房贷银行会查到，影响贷款审批。', 'credit'],
  ['您这样就是老赖。', 'insult'],
  ['有些人就是没素质，占便宜没够。', 'insult'],
  ['别跟我耍赖，这点钱都不交？', 'insult'],
  ['您是不是脑子进水了？', 'insult'],
  ['不交就滚出这个小区。', 'insult'],
  ['有问题可以打我手机13812345678。', 'personal-number'],
  ['业主身份证号 110101199003071234 已登记。', 'personal-number'],
  ['您好{业主名}，您家欠费{欠费金额}。', 'unknown-variable'],
  ['请在{缴费截止}之前缴清。', 'unknown-variable'],
  ['这个月再不交，就停你的电，后果自负。', 'utility-cut'],
];

/** Lines that must pass without errors: reassurance, facts, firm but fair requests. */
const GOOD: string[] = [
  '{称呼}您好，我是{物业公司}的管家{管家姓名}，打扰您一分钟。',
  '跟您核对一下，{房号}目前有{欠费月数}的物业费没缴，合计{欠费金额}。',
  '物业费用在保洁、安保、电梯维保和绿化上，每一项都是大家每天在用的。',
  '请您放心，物业不会因为欠费停水停电，这一点法律有明确规定。',
  '我们不会公示任何业主的欠费情况，您的信息只有我们管家能看到。',
  '物业费不会直接影响您的征信，我们只是希望把账目理清楚。',
  '您看{约定日期}之前通过{缴费方式}缴纳{约定金额}，可以吗？',
  '到了那天我会让财务核对，没收到的话我再给您打个电话确认。',
  '漏水的事我已经记下来了，维修师傅会在{回访日期}前上门查看。',
  '维修和缴费是两件事，我们先把维修落实，也请您把费用安排上。',
  '您最近手头紧的话，我们可以商量分几次缴，每次的日期和金额定下来就好。',
  '滞纳金这部分，我可以帮您向主管申请减免。',
  '您在外地的话，转账最方便，收款账户是{收款账户}。',
  '每一户的物业费都是和我们单独约定的，别人家的情况我也在逐户沟通。',
  '谢谢您的理解，我把今天说好的再复述一遍。',
  '这次打扰了，祝您生活顺心，有事随时找管家。',
  '不好意思可能打错了，请问您认识这套房子的业主吗？',
  '小区每季度会在公告栏公布物业费的收支情况，欢迎您监督。',
  '电梯年检的报告已经贴在电梯间，您可以看看。',
  '门禁系统本周升级，升级期间请带好门禁卡。',
  '停车场道闸周六维护半天，给您带来不便请谅解。',
  '供暖季马上到了，我们提前检修了管道。',
  '暂时没接通，稍后我再联系您，祝您一切顺利。',
  '您之前约好{约定日期}缴费，我们没查到记录，想跟您确认一下是不是遇到什么情况了。',
  '前任物业留下的问题，我们会写成书面计划，分阶段处理给您看。',
  '房屋渗水属于开发商保修范围的，我们会帮您联系开发商跟进。',
  '您说保洁不到位，具体是哪个区域？我今天就让保洁主管去看。',
  '空置房的公共区域服务也在照常提供，电梯、安保、绿化都在运转。',
  '如果一直协商不成，按照规定可能会走法律程序，不过我们更希望当面把事情谈妥。',
  '大家都希望小区越来越好，我们也会把服务做得更细。',
  '我们的工作电话是 0571-8888 6666，工作日都有人接听。',
  '您方便的话，我们约个时间当面聊聊也可以。',
  '催费通知书按规定贴在您家门上，您回家时留意一下。',
];

describe('lintScript', () => {
  it.each(BAD)('blocks: %s', (line, rule) => {
    const findings = lintScript(line);
    expect(hasErrors(findings)).toBe(true);
    expect(findings.map((finding) => finding.rule)).toContain(rule);
    const finding = findings.find((f) => f.rule === rule)!;
    expect(line).toContain(finding.phrase);
    expect(line.slice(finding.index, finding.index + finding.phrase.length)).toBe(finding.phrase);
    expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
    expect(finding.advice).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(GOOD)('passes: %s', (line) => {
    expect(errorsOf(line)).toEqual([]);
  });

  it('warns about pressure phrasing without blocking it', () => {
    for (const line of ['请您立即缴清，否则我们将起诉。', '这是最后一次提醒。', '就剩您一家没交了。']) {
      const findings = lintScript(line);
      expect(hasErrors(findings)).toBe(false);
      expect(findings.some((finding) => finding.severity === 'warning')).toBe(true);
    }
  });

  it('names where the phrase is', () => {
    const text = '您好，下周给您停水。';
    const [finding] = lintScript(text);
    expect(finding).toMatchObject({ rule: 'utility-cut', phrase: '停水', index: text.indexOf('停水') });
  });
});

describe('the law and a compliant direction in every finding', () => {
  it.each([
    ['再不交就停您家的水。', '第944条', '违约金'],
    ['再不交，门禁卡就给您注销了。', '第944条', '门禁'],
    ['欠费业主的房号会贴在公告栏。', '个人信息保护法', '第三方'],
    ['欠物业费会影响您的征信。', '征信', '依法起诉'],
    ['你就是个老赖。', '不能伤人', '分期'],
    ['打我手机 13812345678。', '个人信息保护法', '座机'],
  ])('%s', (line, inMessage, inAdvice) => {
    const [finding] = errorsOf(line);
    expect(finding!.message).toContain(inMessage);
    expect(finding!.advice).toContain(inAdvice);
  });
});

describe('written differently', () => {
  it.each([
    ['full-width digits', '有事打我１３９１２３４５６７８。', 'personal-number'],
    ['full-width letters', 'ＳＢ业主，还不交？', 'insult'],
    ['traditional characters', '再不繳費，就給您家斷電。', 'utility-cut'],
    ['traditional credit', '欠費會影響您的徵信。', 'credit'],
    ['a space inside a word', '再不交就停 水。', 'utility-cut'],
    ['an ideographic space inside a word', '这会影响您的征　信。', 'credit'],
    ['a dash inside a word', '再拖，门-禁-卡就注销。', 'utility-cut'],
    ['quotation marks inside a phrase', '不交的话，水就得“限量”供应了。', 'utility-cut'],
    ['Cantonese', '你唔交管理費，我哋就截你啲電。', 'utility-cut'],
    ['Cantonese lift', '再唔俾錢，部𨋢就唔停你嗰層。', 'utility-cut'],
    ['Wu', '侬勿付物业费，阿拉就拿侬屋里厢个水停脱。', 'utility-cut'],
    ['Cantonese insult', '你個扑街，欠咗咁耐。', 'insult'],
    ['Chinese numerals', '业主电话一三九一二三四五六七八。', 'personal-number'],
  ] as const)('%s: %s', (_label, line, rule) => {
    expect(rulesOf(line)).toContain(rule);
  });

  it('maps the finding back to the words as written, traditional and spaced', () => {
    const text = '您好！再不繳費，就給您家斷 電。';
    const finding = errorsOf(text).find((f) => f.rule === 'utility-cut')!;
    expect(finding.phrase).toBe('斷 電');
    expect(finding.index).toBe(text.indexOf('斷 電'));
  });

  it('maps a normalised span back to the original', () => {
    const text = '門禁ＳＢ　停 水';
    const normalised = normaliseText(text);
    expect(normalised.text).toBe('门禁sb停水');
    const at = normalised.text.indexOf('停水');
    expect(originalSpan(normalised, at, at + 2)).toEqual({ index: text.indexOf('停'), end: text.length });
  });
});

describe('threats by consequence or condition', () => {
  kind(
    'utility-cut',
    [
      '您要是一直不交，以后用水可能没那么方便。',
      '不交的话，您家水压我们只能调低一点。',
      '欠费的，每天限时供水。',
      '物业费不结清，暖气今年就不给您开。',
      '不交的话，燃气卡到前台充不了。',
      '再拖，电卡就不给您充值了。',
      '再不交，您的电梯卡以后只能刷到一楼。',
      '物业费不交，车牌就从道闸里删掉。',
      '拖着不交的，人脸识别一律冻结。',
      '再不交，门岗就不放您家访客进来。',
      // Access given only once paid.
      '门禁卡要等您把物业费缴清了才能开通。',
      '新电梯卡，交清欠费后再给您激活。',
      '车位月卡续期，得先把物业费结清。',
      '等您缴清了，我们马上恢复供暖。',
    ],
    [
      '您说家里停电了？我马上让电工过去。',
      '自来水公司通知明天上午停水，请提前储水。',
      '您家门禁卡刷不开是读卡器坏了，师傅下午来换。',
      '三号梯这周维保，暂停使用两天。',
      '不管交没交，暖气都照常供。',
      '物业不停水，也不停电。',
      '我们不会因为欠费就把您家的水电停掉。',
      '停水停电这种事我们不会做，法律也不允许。',
      '车可以停在地库B区。',
      '您的车位月卡下周到期，停车费交了系统会自动续期。',
      '电梯卡激活在前台办，跟缴费没关系。',
    ],
  );
});

describe('publicising by other routes', () => {
  kind(
    'publicise',
    [
      '下周起，楼道屏会滚动播放欠费房号。',
      '年底还没交的，业主大会上会点名。',
      '再不交，我就打电话到您单位说这事。',
      '您父母那边我们也会通知您欠费的事。',
      '我在业主群里@您一下，让大家评评理。',
      '欠费户名单贴在宣传栏。',
      '全楼都会知道您家欠了物业费。',
    ],
    [
      '下周六业主大会，讨论电梯更新，欢迎参加。',
      '楼道屏会滚动播放缴费方式。',
      '物业费收支明细每季度在公告栏公示。',
      '我在业主群里@一下大家，明早停水记得储水。',
      '您在业主群里说的保洁问题我看到了。',
      '公布欠费名单是违法的，我们不会这么做。',
      '邻居反映您家空调滴水，麻烦看一下。',
      '如果您方便，可以跟家人商量一下缴费时间。',
    ],
  );
});

describe('credit and status', () => {
  kind(
    'credit',
    [
      '欠物业费会进人民银行的系统。',
      '您孩子以后政审会受影响的。',
      '欠费记录会放进您的信用档案。',
      '再不交，您会被列入失信被执行人。',
      '欠物业费的，贷款批不下来。',
    ],
    ['这跟您的征信没有任何关系。', '物业费不会上征信，您放心。', '网上说欠物业费会影响贷款，那是谣言。', '您说在还房贷压力大，我们分三次缴。'],
  );

  it('only warns about a dishonest-debtor list described as the court route', () => {
    const findings = lintScript('法院判决后仍拒不履行的，法院才可能把人列为失信被执行人。');
    expect(hasErrors(findings)).toBe(false);
    expect(findings.some((finding) => finding.rule === 'pressure')).toBe(true);
  });
});

describe('insults', () => {
  kind(
    'insult',
    ['一毛不拔，说的就是您。', '住得起别墅，交不起物业费？', '您家是揭不开锅了吗？', '瓜娃子，物业费都不交。', '像您这样的钉子户我们见多了。', '您可真会算计。'],
    ['装修垃圾清运费一共三百元。', '最近有骗子冒充物业，您认准我们的座机。', '我没说您是老赖，您别误会。', '不好意思，打扰您了。', '楼道公告会滚动更新。'],
  );
});

describe('personal numbers', () => {
  kind(
    'personal-number',
    ['打我手机 138 0013 8000。', '手机：139-1234-5678。', '号码 138.1234.5678。', '电话一五八一二三四五六七八。', '幺三八幺二三四五六七八', '身份证 3201 0219 9001 0112 34。', '老证件号 110105750101123。'],
    ['服务热线 0571-88886666。', '欠费合计 13800.00 元。', '房号 8-2-1203。', '显示的号码是 138****5678。', '账户 6222 0212 3456 7890 123。'],
  );
});

describe('variables however spelled', () => {
  it.each(['{ 称呼 }您好。', '｛称呼｝您好。', '｛ 称呼 ｝您好。'])('knows %s', (line) => {
    expect(errorsOf(line)).toEqual([]);
  });

  it.each([
    ['{ 业主名 }您好。', '{ 业主名 }'],
    ['｛欠费总额｝请缴清。', '｛欠费总额｝'],
  ])('names an unknown one as written: %s', (line, phrase) => {
    expect(errorsOf(line)).toMatchObject([{ rule: 'unknown-variable', phrase, index: 0 }]);
  });
});

describe('custom terms from 团队设置', () => {
  it('offers every category with a Chinese label', () => {
    expect(LINT_TERM_CATEGORIES.map((info) => info.category)).toEqual(['utility-cut', 'access', 'harm', 'publicise', 'credit', 'insult', 'pressure']);
    for (const info of LINT_TERM_CATEGORIES) expect(info.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets a service word join the coercion logic', () => {
    const terms = [{ category: 'utility-cut', term: '中央除湿' }] as const;
    expect(errorsOf('再不交，中央除湿就给您停了。')).toEqual([]);
    expect(errorsOf('再不交，中央除湿就给您停了。', terms).map((f) => f.rule)).toEqual(['utility-cut']);
    expect(errorsOf('中央除湿系统这周检修，暂停两天。', terms)).toEqual([]);
  });

  it('lets an access word and a harm join it too, normalised like the text', () => {
    expect(errorsOf('再不交，人行閘就對您關閉。', [{ category: 'access', term: '人行闸' }]).map((f) => f.rule)).toEqual(['utility-cut']);
    expect(errorsOf('再不交，电梯卡就降档处理。', [{ category: 'harm', term: '降档处理' }]).map((f) => f.rule)).toEqual(['utility-cut']);
  });

  it('matches publicise, credit and insult terms directly, respecting negation', () => {
    const terms: CustomLintTerm[] = [
      { category: 'publicise', term: '欠费红黑榜' },
      { category: 'credit', term: '银行黑名单' },
      { category: 'insult', term: '抠脚' },
    ];
    expect(errorsOf('下个月的欠费红黑榜上会有您。', terms).map((f) => f.rule)).toEqual(['publicise']);
    expect(errorsOf('我们不会搞欠费红黑榜。', terms)).toEqual([]);
    expect(errorsOf('欠费会上银行黑名单。', terms).map((f) => f.rule)).toContain('credit');
    expect(errorsOf('您这个抠 脚的。', terms).map((f) => f.rule)).toEqual(['insult']);
  });

  it('makes a pressure term a warning', () => {
    const findings = lintScript('这是最后期限。', { customTerms: [{ category: 'pressure', term: '最后期限' }] });
    expect(findings).toMatchObject([{ severity: 'warning', rule: 'pressure', phrase: '最后期限' }]);
  });
});

describe('lintScript on typos, English, bare lines and 公文', () => {
  it.each([
    ['不交的话会影响你的征心', 'credit'],
    ['电悌卡给你停了啊', 'utility-cut'],
    ['门紧卡明天注销，再不交就把你暴光', 'utility-cut'],
    ['不交就拉你进blacklist', 'publicise'],
    ['不交物业费就block你家门禁', 'utility-cut'],
    ['no pay no water', 'utility-cut'],
    ['不交？停水。', 'utility-cut'],
    ['暖气？不交费想都别想！', 'utility-cut'],
    ['装修证？不批！欠着费呢', 'utility-cut'],
    ['不交？挂你上电子屏！', 'publicise'],
    ['欠费三个月，停水停电。', 'utility-cut'],
    ['逾期未缴的，我司将依规采取限制措施，暂停相关服务。', 'utility-cut'],
    ['我司将对欠费户依法依规采取相应措施，包括但不限于暂停电梯使用权限', 'utility-cut'],
    ['穷b还住这', 'insult'],
  ] as const)('flags %s', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it.each([
    '根据《民法典》第九百四十四条，物业服务人不得采取停止供电、供水、供热、供燃气等方式催交物业费。',
    '门禁卡、电梯卡的办理与物业费缴纳情况无关，不得以此为由拒绝办理。',
    '业主担心我们会在电子屏上挂他名字，你就告诉他，电子屏不会放任何人的欠费信息。',
    '有业主问物业费会不会影响孩子上学，你就说不会。',
    '我们不能说业主老赖、没素质这种话。',
    '明天停水，欠费的事回头聊',
    '欠费的事明天再说，今天停水是管道爆了',
    '呵呵，您说笑了，电梯明天就修好',
    '门紧闭的时候请走侧门',
    'ban这个词我们不用',
    '逾期未缴的，我司将依法提起诉讼。',
  ])('does not block %s', (text) => {
    expect(errorsOf(text)).toEqual([]);
  });
});

describe('found in the final review, with lines no test had', () => {
  it.each([
    ['您家这个月的燃气卡，缴清物业费之前我们这边不给您圈存了。', 'utility-cut'],
    ['物业费不交，以后孩子入学要的居住证明我们可不好开。', 'credit'],
  ] as const)('blocks %s', (text, rule) => {
    expect(lintScript(text).filter((finding) => finding.severity === 'error').map((finding) => finding.rule)).toContain(rule);
  });
});

describe('the written register and casual internet style (rounds on fresh sets I and J)', () => {
  it.each([
    // A reason that is the debt (鉴于, 由于, 因) ties what follows to it.
    ['由于贵户拖欠管理费，管理处将停止对贵户的供暖。', 'utility-cut'],
    // The written conditional and refusing to pay.
    ['若仍拒缴，工程部将关闭该户水阀。', 'utility-cut'],
    // The consequence put on the owner, or disowned, on not paying.
    ['逾期不缴的，由此引起的一切后果由住户自行承担。', 'utility-cut'],
    // Everyday life made hard for those who do not pay.
    ['拒交物业费的人家，以后在小区里生活恐怕没那么方便。', 'utility-cut'],
    // The owner's trouble supposed, then left to wait.
    ['不交也行，以后家里出了啥问题，报修就只能往后排了。', 'utility-cut'],
    // The written 等 (待…完毕后), and a service given once paid.
    ['待管理费补缴完毕后，再为您安排上门维修。', 'utility-cut'],
    ['办理车位卡需要先交物业费。', 'utility-cut'],
    // 其 as the owner's, and a pressing verb anywhere in the sentence.
    ['我们会发函到其工作单位，请单位督促他缴费。', 'publicise'],
    // Figures about everyone excuse nothing once names are shown with them.
    ['欠费业主名单会和收支报告一起张贴在公告栏。', 'publicise'],
    ['5栋那户欠了两年物业费，大家评评理。', 'publicise'],
    ['再唔交就将你个名贴喺大堂度 俾成栋人睇', 'publicise'],
    ['欠着钱不交，你配不配住这么好的房子？', 'insult'],
    ['没钱还住别墅，真有出息。', 'insult'],
    ['交点物业费跟割肉似的。', 'insult'],
    // A bank card said to be a person's.
    ['钱可以打到我个人卡上：6217 0000 1234 5678 901。', 'personal-number'],
    // Emoji for a service, emoji inside a word, English spaced inside Chinese, 停 as a homophone.
    ['物业费不交，下周就把你家💧停了', 'utility-cut'],
    ['欠费会影响征🌈信', 'credit'],
    ['不交费 我们就 shut off 你家的燃气', 'utility-cut'],
    ['wy费再拖 下周亭电', 'utility-cut'],
    // 别说没通知 is an ultimatum, not a notice.
    ['下周停你家水 别说没通知', 'utility-cut'],
    ['你家的包裹以后不给送上楼了。', 'utility-cut'],
  ] as const)('blocks %s', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it.each([
    '由于贵户欠费，我们已寄出书面催缴函。',
    '若仍拒缴，我司将依法提起诉讼。',
    '施工期间请勿靠近，否则后果自负。',
    '维修产生的材料费由业主承担。',
    '小区新开了便利店，以后生活方便多了。',
    '家里出了什么问题，随时报修，我们马上安排。',
    '待工程部检修完毕后，恢复正常供水。',
    '办理车位卡不需要先交物业费。',
    '不得以结清物业费为前提办理出入证。',
    '公告栏只张贴本季度收支报告。',
    '大家评评理，这个方案合不合理？',
    '只有法院判决后仍不履行，才有可能被列入失信被执行人名单。',
    '判决生效后仍不履行的，法院可以强制执行，可能会影响信用。',
    '请不要使用刁民这种称呼。',
    '配不配合是业主的自由，我们耐心沟通。',
    '对公账户 6217 0000 1234 5678 901，户名某某物业服务有限公司。',
    '缴费完成后可在小程序查看电子发票。',
    '明天检修停水💧，请提前储水。',
    '小区凉亭水池下周清洗',
    '下周二全楼停水检修，已提前通知。',
    '道闸断网了，保安会人工抬杆放行。',
    '会不会因为欠费停水？完全不会的。',
    '征信是人民银行管的，物业根本查不了，你放心。',
  ])('does not block %s', (text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  // 放心 is an assurance only when no promise that it will happen follows it.
  it.each(['欠费就上报征信，你放心，我们说到做到。', '拖着不交就停水 你放心 一定会停'])('blocks a threat that 放心 confirms: %s', (text) => {
    expect(errorsOf(text).length).toBeGreaterThan(0);
  });
  it.each(['欠费不会上报征信，你放心。', '停水？不会的，你放心。'])('still reads 放心 after a denial as an assurance: %s', (text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  // Help asked for in scorn after not paying is help withheld for the debt; without the debt, or offered anyway, it is not.
  it.each(['不交钱还想让我们给您修水管？', '物业费都不交，还指望师傅上门修空调吗？'])('blocks help scorned for the debt: %s', (text) => {
    expect(errorsOf(text).length).toBeGreaterThan(0);
  });
  it.each(['您还想让我们师傅下午上门修水管吗？', '没交也没关系，还想让我们帮您修水管吗？马上安排。'])('lets an offer of help through: %s', (text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  // A payment's own receipt handed over once paid is no gate; anything else still is.
  it('lets the receipt of a payment through and still blocks a delivery held until paid', () => {
    expect(errorsOf('缴费以后收据我给您送上门。')).toEqual([]);
    expect(errorsOf('缴费以后快递我们才给您送上门。').length).toBeGreaterThan(0);
  });
});
