import { describe, expect, it } from 'vitest';
import { hasErrors, lintScript, type LintRule } from '../../../scripts-library/lint';

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
];

describe('lintScript', () => {
  it.each(BAD)('blocks: %s', (line, rule) => {
    const findings = lintScript(line);
    expect(hasErrors(findings)).toBe(true);
    expect(findings.map((finding) => finding.rule)).toContain(rule);
    const finding = findings.find((f) => f.rule === rule)!;
    expect(line).toContain(finding.phrase);
    expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(GOOD)('passes: %s', (line) => {
    expect(lintScript(line).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('has at least 30 lines of each kind', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
    expect(GOOD.length).toBeGreaterThanOrEqual(30);
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
