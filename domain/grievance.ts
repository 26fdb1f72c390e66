/**
 * Grievances an owner raises on a call, and the 规程's service levels for them. Pure.
 *
 * Repairs (走回访): every repair is revisited (the 规程 asks 100%), counted from the repair's completion — safety
 * facilities within 2 days, leaks within 3 days of the leak test after the repair, others within 2 days. Until the
 * completion is recorded the revisit follow-up stands on a first check-in date counted from the report.
 * Complaints (投诉): 重大 (serious harm to daily life or safety) goes to the 管理处主任 the same day, is answered within
 * 2 days and resolved within 10; 服务失误 (a management or service error) goes to the department head within an hour
 * and is handled within 3 days; 轻微 (an isolated, minor matter) is resolved within 2 days or by the owner's deadline.
 * Collection calls pause while a repair revisit is open.
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

/** The first revisit date of a repair reported today (until its completion is recorded). */
export function repairRevisitDate(ticket: Pick<RepairTicketDraft, 'category' | 'leakTestDate'>, today: IsoDate): IsoDate {
  if (ticket.category === '漏水渗水') return addDays(ticket.leakTestDate ?? today, 3);
  return addDays(today, 2);
}

/** A repair's category from its title (records from before the category was stored: "漏水渗水（主卧顶棚）"). */
export const categoryOfTitle = (title: string): RepairCategory => repairCategories.find((category) => title.startsWith(category)) ?? '其他';

/** The days the 规程 allows between a finished repair (a leak: its leak test) and the revisit. */
export const revisitDays = (category: RepairCategory): number => (category === '漏水渗水' ? 3 : 2);

/** The revisit is due this many days after the repair was completed (a leak: after the leak test that followed it). */
export function revisitDueAfterRepair(category: RepairCategory, completedOn: IsoDate, leakTestOn: IsoDate | null): IsoDate {
  return addDays(category === '漏水渗水' && leakTestOn ? leakTestOn : completedOn, revisitDays(category));
}

/** How far ahead a leak test may be booked after the repair. */
const LEAK_TEST_WITHIN_DAYS = 14;

/** Why a repair's completion cannot be recorded as given, or null. The backend checks it in the write. */
export function repairCompletionProblem(input: { reportedOn: IsoDate; completedOn: IsoDate; leakTestOn: IsoDate | null; today: IsoDate }): string | null {
  if (input.completedOn > input.today) return '维修完成日期不能晚于今天';
  if (input.completedOn < input.reportedOn) return `维修完成日期不能早于报修日 ${input.reportedOn}`;
  if (input.leakTestOn && input.leakTestOn < input.completedOn) return '试漏日期不能早于维修完成日期';
  if (input.leakTestOn && input.leakTestOn > addDays(input.today, LEAK_TEST_WITHIN_DAYS)) return `试漏日期最多排在 ${LEAK_TEST_WITHIN_DAYS} 天后`;
  return null;
}

export interface RevisitFacts {
  category: RepairCategory;
  completedOn: IsoDate | null;
  leakTestOn: IsoDate | null;
  /** The day the owner was asked (the revisit follow-up done), or null. */
  revisitedOn: IsoDate | null;
}

/**
 * The revisit rate of repairs whose revisit fell due in [from, to]: done on time (within the 规程's days) over due.
 * Repairs without a recorded completion are not yet due.
 */
export function revisitRate(repairs: readonly RevisitFacts[], from: IsoDate, to: IsoDate): { due: number; onTime: number; late: number; missing: number } {
  let due = 0;
  let onTime = 0;
  let late = 0;
  for (const repair of repairs) {
    if (!repair.completedOn) continue;
    const dueOn = revisitDueAfterRepair(repair.category, repair.completedOn, repair.leakTestOn);
    if (dueOn < from || dueOn > to) continue;
    due += 1;
    if (repair.revisitedOn && repair.revisitedOn <= dueOn) onTime += 1;
    else if (repair.revisitedOn) late += 1;
  }
  return { due, onTime, late, missing: due - onTime - late };
}

export const complaintSeverities = ['重大', '服务失误', '轻微'] as const;
export type ComplaintSeverity = (typeof complaintSeverities)[number];

export interface ComplaintDeadlines {
  /** Whom it goes to, and by when (an ISO timestamp); null for a minor complaint. */
  escalateTo: '管理处主任' | '部门主管' | null;
  escalateBy: string | null;
  /** The owner has an answer by this day. */
  replyBy: IsoDate;
  /** The matter is resolved by this day. */
  resolveBy: IsoDate;
}

/** The latest of a minor complaint's deadlines the owner may set. */
const OWNER_DEADLINE_WITHIN_DAYS = 30;

/** Why an owner's deadline for a minor complaint is not usable, or null. */
export function ownerDeadlineProblem(deadline: IsoDate, today: IsoDate): string | null {
  if (deadline < today) return '业主要求的期限不能早于今天';
  if (deadline > addDays(today, OWNER_DEADLINE_WITHIN_DAYS)) return `业主要求的期限最多在 ${OWNER_DEADLINE_WITHIN_DAYS} 天内`;
  return null;
}

/** Adds hours to an ISO timestamp with its offset kept (+08:00). */
function hoursLater(at: string, hours: number): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(at)?.[1] ?? 'Z';
  const minutes = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const shifted = new Date(Date.parse(at) + hours * 3_600_000 + minutes * 60_000).toISOString().slice(0, 19);
  return `${shifted}${offset === 'Z' ? 'Z' : offset}`;
}

/** A complaint's deadlines by severity, from when it was received (an ISO timestamp on the backend's clock). */
export function complaintDeadlines(severity: ComplaintSeverity, receivedAt: string, ownerDeadline: IsoDate | null = null): ComplaintDeadlines {
  const day = receivedAt.slice(0, 10);
  if (severity === '重大') return { escalateTo: '管理处主任', escalateBy: `${day}T23:59:59${receivedAt.slice(19).replace(/^\.\d+/, '') || 'Z'}`, replyBy: addDays(day, 2), resolveBy: addDays(day, 10) };
  if (severity === '服务失误') return { escalateTo: '部门主管', escalateBy: hoursLater(receivedAt, 1), replyBy: addDays(day, 3), resolveBy: addDays(day, 3) };
  const by = ownerDeadline ?? addDays(day, 2);
  return { escalateTo: null, escalateBy: null, replyBy: by, resolveBy: by };
}

/** When the owner must have an answer by. */
export const complaintReplyDate = (severity: ComplaintSeverity, today: IsoDate, ownerDeadline: IsoDate | null = null): IsoDate =>
  complaintDeadlines(severity, `${today}T09:00:00+08:00`, ownerDeadline).replyBy;

/** The deadlines as a steward reads them to the owner and the lead: 当天上报管理处主任，2 天内答复，10 日内解决. */
export function complaintDeadlineText(severity: ComplaintSeverity, ownerDeadline: IsoDate | null = null): string {
  if (severity === '重大') return '当天上报管理处主任，2 天内答复业主，10 日内解决';
  if (severity === '服务失误') return '1 小时内转部门主管，3 天内处理完毕';
  return ownerDeadline ? `按业主要求在 ${ownerDeadline} 前解决` : '2 天内解决';
}

export const objectionTypes = [
  { id: 'repair', label: '报修未处理 / 漏水 / 电梯', stage: 'objection-repair' },
  { id: 'quality', label: '房屋质量 / 开发商', stage: 'objection-quality' },
  { id: 'service', label: '服务不满意', stage: 'objection-service' },
  { id: 'vacant', label: '没住 / 空置', stage: 'objection-vacant' },
  { id: 'neighbours', label: '邻居也没交', stage: 'objection-neighbours' },
  { id: 'busy', label: '忙 / 在外地', stage: 'objection-busy' },
  { id: 'legacy', label: '前物业遗留', stage: 'objection-legacy' },
  { id: 'paid', label: '已缴过 / 对账有误', stage: 'objection-paid' },
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
