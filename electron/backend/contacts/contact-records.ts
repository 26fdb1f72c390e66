/**
 * The contact log's records and the checks of every write to them, independent of where they are stored. A storage
 * runs each `write…` function against the records as they are inside its write (a file shard being rewritten, a
 * transaction holding the household's rows), so two requests racing each other cannot both pass a check.
 */
import {
  ApiError,
  type ContactRecord,
  type FollowUp,
  type GrievanceRecord,
  type PromiseRecord,
  type QueueAction,
} from '../../contract';
import { digestQueueActions, type QueueHandling } from '../../../domain/follow-up-rules';
import { reachedSomeone } from '../../../state-machines/call-outcomes';
import type { CallRecord } from '../../../domain/call-record';

/** Everything one call writes, for one household (built by domain/call-record's recordCall). */
export type CallWrite = CallRecord;
/** What a revisit call found: solved (the follow-up and its grievance close) or not (the revisit moves to `nextDue`). */
export type RevisitWrite = NonNullable<CallRecord['revisit']>;

/** 维修已完成: the days a repair (and a leak's test) was done. */
export interface RepairDone {
  completedOn: string;
  leakTestOn: string | null;
}

/** The per-household records of the contact log (a store may hold more households' records in one draft). */
export interface ContactRecords {
  contacts: ContactRecord[];
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
  queueActions: QueueAction[];
}

/** The record lists, in the order a store keeps them. */
export const RECORD_LISTS = ['contacts', 'promises', 'grievances', 'followUps', 'queueActions'] as const;

export interface HouseholdContacts extends ContactRecords {
  /** The standing effect of the queue actions. */
  handling: QueueHandling;
  /** Days of every contact (Asia/Shanghai), sorted. */
  contactDays: string[];
  /** Days of phone calls that reached the owner or someone for them, sorted (the EMS demand counts from the first). */
  reachedPhoneDays: string[];
  /** Timestamp of the latest contact, for lists sorted by last contact. */
  lastContactAt: string | null;
}

export const noRecords = (): ContactRecords => ({ contacts: [], promises: [], grievances: [], followUps: [], queueActions: [] });

/** One household's view: contacts newest first, plus the derived days and queue handling. */
export function viewOf(records: ContactRecords): HouseholdContacts {
  const contactDays = records.contacts.map((contact) => contact.at.slice(0, 10)).sort();
  const reachedPhoneDays = records.contacts
    .filter((contact) => contact.channel === '电话' && reachedSomeone(contact.outcomeId))
    .map((contact) => contact.at.slice(0, 10))
    .sort();
  const contacts = [...records.contacts].sort((a, b) => b.at.localeCompare(a.at));
  return { ...records, contacts, handling: digestQueueActions(records.queueActions), contactDays, reachedPhoneDays, lastContactAt: contacts[0]?.at ?? null };
}

export const noContacts: HouseholdContacts = Object.freeze(viewOf(noRecords()));

/**
 * A revisit call's answer: solved closes the follow-up and the repair or complaint behind it (a repair's collection
 * pause lifts); not solved keeps both open and moves the revisit to a new day.
 */
function applyRevisit(draft: ContactRecords, revisit: RevisitWrite): void {
  const followUp = draft.followUps.find((entry) => entry.id === revisit.followUpId);
  if (!followUp || followUp.status !== 'open') throw new ApiError({ code: 'CONFLICT', message: '这条回访已经完成了（可能在另一个窗口），通话没有保存，请刷新后再记录。' });
  if (revisit.fixed) {
    Object.assign(followUp, { status: 'done', doneReason: '回访：问题已解决', doneAt: revisit.at });
    const grievance = draft.grievances.find((entry) => entry.id === followUp.sourceId);
    if (grievance) grievance.status = 'done';
  } else {
    followUp.dueDate = revisit.nextDue;
  }
}

/**
 * A call's records, once: a call's contact id is its call id, so two saves of one call racing each other cannot
 * both write it (the second gets CONFLICT).
 */
export function writeCall(draft: ContactRecords, write: CallWrite): void {
  if (draft.contacts.some((contact) => contact.id === write.contact.id)) throw new ApiError({ code: 'CONFLICT', message: '这通电话已经保存过了，不会重复记录。' });
  if (write.revisit) applyRevisit(draft, write.revisit);
  draft.contacts.push(write.contact);
  draft.promises.push(...write.promises);
  draft.grievances.push(...write.grievances);
  draft.followUps.push(...write.followUps);
}

/** Adds a queue action, closing what it completes; an entry completed twice, or a follow-up closed twice, is CONFLICT. */
export function writeQueueAction(draft: ContactRecords, action: QueueAction, doneAt: string): void {
  if (action.action === 'complete' && draft.queueActions.some((entry) => entry.householdId === action.householdId && entry.action === 'complete' && entry.entryKey === action.entryKey)) {
    throw new ApiError({ code: 'CONFLICT', message: '这一项已经标记完成了。' });
  }
  const followUp = draft.followUps.find((entry) => entry.id === action.closedFollowUpId);
  if (action.closedFollowUpId && followUp?.status !== 'open') throw new ApiError({ code: 'CONFLICT', message: '这条跟进已经完成了。' });
  draft.queueActions.push(action);
  if (followUp) Object.assign(followUp, { status: 'done', doneReason: action.reason, doneAt });
  const grievance = draft.grievances.find((entry) => entry.id === action.closedGrievanceId);
  if (grievance) grievance.status = 'done';
}

/** A contact (a message sent), and optionally the queue entry it settles. */
export function writeContact(draft: ContactRecords, contact: ContactRecord, completes?: QueueAction): void {
  draft.contacts.push(contact);
  if (completes) writeQueueAction(draft, completes, completes.at);
}

/**
 * 维修已完成: records when a repair (and a leak's test) was done and moves its open revisit to the 规程's day. The
 * repair must still be open and its completion not yet recorded (CONFLICT otherwise), and the dates pass `check`.
 */
export function writeRepairDone(
  draft: ContactRecords,
  householdId: string,
  grievanceId: string,
  done: RepairDone,
  check: (repair: GrievanceRecord) => { revisitOn: string },
): { grievance: GrievanceRecord; followUp: FollowUp | null } {
  const grievance = draft.grievances.find((entry) => entry.id === grievanceId && entry.householdId === householdId && entry.kind === 'repair');
  if (!grievance) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条报修，可能已被撤销。' });
  if (grievance.status !== 'open') throw new ApiError({ code: 'CONFLICT', message: '这条报修已经回访完成，不需要再记录维修完成。' });
  // The form offers 维修已完成 once; a second tab or a double click must not move the revisit again.
  if (grievance.completedOn) throw new ApiError({ code: 'CONFLICT', message: `这条报修已记录 ${grievance.completedOn} 修好（可能在另一个窗口），没有再改。` });
  const { revisitOn } = check(grievance);
  Object.assign(grievance, { completedOn: done.completedOn, leakTestOn: done.leakTestOn, dueDate: revisitOn });
  const followUp = draft.followUps.find((entry) => entry.sourceId === grievance.id && entry.kind === 'repair-revisit' && entry.status === 'open') ?? null;
  if (followUp) followUp.dueDate = revisitOn;
  return { grievance: { ...grievance }, followUp: followUp && { ...followUp } };
}

/** Takes a queue action back, reopening what it closed (NOT_FOUND if there is no such action, e.g. undone twice). */
export function writeQueueActionRemoval(draft: ContactRecords, householdId: string, actionId: string): void {
  const action = draft.queueActions.find((entry) => entry.id === actionId && entry.householdId === householdId);
  if (!action) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条操作，可能已经撤销过了。' });
  draft.queueActions = draft.queueActions.filter((entry) => entry !== action);
  const followUp = draft.followUps.find((entry) => entry.id === action.closedFollowUpId);
  if (followUp) {
    followUp.status = 'open';
    delete followUp.doneReason;
    delete followUp.doneAt;
  }
  const grievance = draft.grievances.find((entry) => entry.id === action.closedGrievanceId);
  if (grievance) grievance.status = 'open';
}
