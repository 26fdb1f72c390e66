/**
 * Grievances an owner raises on a call. A repair grievance becomes a repair ticket with a revisit date
 * (the trade's SLA: safety facilities 2 days, leaks 3 days after the leak test, others 2 days); a
 * service complaint gets a reply deadline by severity (major: answer in 2 days; service errors: handled in
 * 3 days; minor: 2 days). Collection calls pause while a repair revisit is open. Pure.
 */
import { addDays, type IsoDate } from './dates';

export const repairCategories = ['安全设施', '漏水渗水', '电梯', '水电', '门窗', '公共设施', '其他'] as const;
export type RepairCategory = (typeof repairCategories)[number];

export const urgencies = ['紧急', '一般'] as const;
export type Urgency = (typeof urgencies)[number];

export interface RepairTicketDraft {
  category: RepairCategory;
  location: string;
  urgency: Urgency;
  /** The owner's words, as said. */
  words: string;
  /** For leaks: when the leak test is (or was) done; the revisit is 3 days after it. */
  leakTestDate?: IsoDate;
}

/** Revisit date for a repair reported today. */
export function repairRevisitDate(ticket: Pick<RepairTicketDraft, 'category' | 'leakTestDate'>, today: IsoDate): IsoDate {
  if (ticket.category === '漏水渗水') return addDays(ticket.leakTestDate ?? today, 3);
  return addDays(today, 2);
}

export const complaintSeverities = ['重大', '服务失误', '轻微'] as const;
export type ComplaintSeverity = (typeof complaintSeverities)[number];

/** When the owner must have an answer by. */
export function complaintReplyDate(severity: ComplaintSeverity, today: IsoDate): IsoDate {
  return addDays(today, severity === '服务失误' ? 3 : 2);
}

export const objectionTypes = [
  { id: 'repair', label: '报修未处理 / 漏水 / 电梯', stage: 'objection-repair' },
  { id: 'quality', label: '房屋质量 / 开发商', stage: 'objection-quality' },
  { id: 'service', label: '服务不满意', stage: 'objection-service' },
  { id: 'vacant', label: '没住 / 空置', stage: 'objection-vacant' },
  { id: 'neighbours', label: '邻居也没交', stage: 'objection-neighbours' },
  { id: 'busy', label: '忙 / 在外地', stage: 'objection-busy' },
  { id: 'legacy', label: '前物业遗留', stage: 'objection-legacy' },
] as const;
export type ObjectionType = (typeof objectionTypes)[number]['id'];

/**
 * What a revisit call is about, as said on the phone: 漏水渗水（主卧顶棚） → 主卧顶棚漏水渗水的问题; a complaint →
 * 您上次反映的问题.
 */
export function spokenSubject(kind: 'repair-revisit' | 'complaint-reply', title: string): string {
  if (kind === 'complaint-reply') return '您上次反映的问题';
  const placed = /^(.+)（(.+)）$/.exec(title);
  return placed ? `${placed[2]}${placed[1]}的问题` : `${title}的问题`;
}
