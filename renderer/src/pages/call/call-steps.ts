/** What each step of the call is called, and the branch buttons (with their keys) it offers. */
import type { CallEvent } from '../../../../state-machines/call-flow';

export const stepTitles: Record<string, string> = {
  dialling: '拨号中',
  opening: '开场，确认是否业主本人',
  thirdParty: '家属 / 租户接听：不谈欠费细节，问业主何时方便',
  revisit: '回访：问题解决了吗？',
  revisitDone: '问题已解决：结束回访，或接着谈费用',
  reminder: '告知欠费',
  explain: '说明费用用途',
  brokenPromise: '上次约定未兑现：先问原因',
  objection: '处理异议',
  pin: '断其后路：约定具体日期、金额、方式',
  channel: '缴费方式',
  instalment: '分期 / 缓缴：定好每一期',
  refusal: '拒缴：记录原因',
  close: '复述约定，选择结果，结束通话',
  wrapUp: '选择结果，结束通话',
  saving: '正在保存通话记录……',
  saveFailed: '保存失败',
  ended: '通话已记录',
};

/** The wrap-up step says why the call is ending. */
export function stepTitleOf(state: string, outcome: string | null): string {
  if (state === 'wrapUp' && outcome === 'hung-up') return '业主挂断：记下情况，结束';
  if (state === 'wrapUp' && outcome === 'wrong-person') return '打错电话：道歉，结束';
  if (state === 'wrapUp') return '未接通：选择结果，结束';
  if (state === 'close' && outcome === 'revisit-not-fixed') return '问题未解决：安排再次上门，结束';
  return stepTitles[state] ?? state;
}

export interface Branch {
  event: CallEvent['type'];
  label: string;
  key: string;
  danger?: boolean;
}

/**
 * Keys are letters so that digits stay free for outcomes. A letter may serve two branches that no step offers
 * together (N: 未接通 while dialling, 未解决 on a revisit); the key goes to the branch the current step can take.
 */
export const branches: Branch[] = [
  { event: 'ANSWERED', label: '已接通', key: 'A' },
  { event: 'NO_ANSWER', label: '未接通', key: 'N' },
  { event: 'BUSY', label: '占线', key: 'B' },
  { event: 'OWNER_CONFIRMED', label: '是业主本人', key: 'O' },
  { event: 'THIRD_PARTY', label: '家属 / 租户接听', key: 'J' },
  { event: 'OWNER_TAKES_PHONE', label: '业主来接电话了', key: 'T' },
  { event: 'WRONG_PERSON', label: '打错 / 非本人', key: 'X' },
  { event: 'FIXED', label: '问题已解决', key: 'Y' },
  { event: 'NOT_FIXED', label: '问题未解决', key: 'N', danger: true },
  { event: 'RESUME_COLLECTION', label: '接着谈费用', key: 'S' },
  { event: 'EXPLAIN', label: '说明费用用途', key: 'E' },
  { event: 'AGREES', label: '同意缴费', key: 'Y' },
  { event: 'VAGUE', label: '含糊（“过两天”）', key: 'V' },
  { event: 'AWAY', label: '忙 / 在外地', key: 'W' },
  { event: 'HARDSHIP', label: '经济困难', key: 'H' },
  { event: 'BACK_TO_PROMISE', label: '回到约定缴费', key: 'P' },
  { event: 'PAID_NOW', label: '当场已缴', key: 'D' },
  { event: 'CLOSE', label: '结束，选择结果', key: 'C' },
  { event: 'REFUSES', label: '明确拒缴', key: 'R', danger: true },
  { event: 'HUNG_UP', label: '业主挂断', key: 'Q', danger: true },
];

/** The branch a key means at this step, if the step can take it. */
export function branchForKey(key: string, can: (branch: Branch) => boolean): Branch | undefined {
  const letter = key.toUpperCase();
  return branches.find((branch) => branch.key === letter && can(branch));
}
