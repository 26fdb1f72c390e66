/** What each step of the call is called, and the branch buttons (with their keys) it offers. */
import type { CallEvent } from '../../../../state-machines/call-flow';

export const stepTitles: Record<string, string> = {
  dialling: '拨号中',
  opening: '开场，确认是否业主本人',
  reminder: '告知欠费',
  explain: '说明费用用途',
  brokenPromise: '上次约定未兑现：先问原因',
  objection: '处理异议',
  pin: '断其后路：约定具体日期、金额、方式',
  channel: '缴费方式',
  instalment: '分期 / 缓缴',
  refusal: '拒缴：记录原因',
  close: '复述约定，选择结果，结束通话',
  wrapUp: '未接通：选择结果，结束',
  saving: '正在保存通话记录……',
  saveFailed: '保存失败',
  ended: '通话已记录',
};

export interface Branch {
  event: CallEvent['type'];
  label: string;
  key: string;
  danger?: boolean;
}

/** Keys are letters so that digits stay free for outcomes. */
export const branches: Branch[] = [
  { event: 'ANSWERED', label: '已接通', key: 'A' },
  { event: 'NO_ANSWER', label: '未接通', key: 'N' },
  { event: 'BUSY', label: '占线 / 挂断', key: 'B' },
  { event: 'OWNER_CONFIRMED', label: '是业主本人', key: 'O' },
  { event: 'WRONG_PERSON', label: '打错 / 非本人', key: 'X' },
  { event: 'EXPLAIN', label: '说明费用用途', key: 'E' },
  { event: 'AGREES', label: '同意缴费', key: 'Y' },
  { event: 'VAGUE', label: '含糊（“过两天”）', key: 'V' },
  { event: 'AWAY', label: '忙 / 在外地', key: 'W' },
  { event: 'HARDSHIP', label: '经济困难', key: 'H' },
  { event: 'BACK_TO_PROMISE', label: '回到约定缴费', key: 'P' },
  { event: 'PAID_NOW', label: '当场已缴', key: 'D' },
  { event: 'CLOSE', label: '结束（诉求已记录）', key: 'C' },
  { event: 'REFUSES', label: '明确拒缴', key: 'R', danger: true },
];
