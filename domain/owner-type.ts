/**
 * Which kind of owner a household's owner is (the trade's A–E, see scripts-library/stages.ts), so a call starts
 * with scripts that fit: the type the last call ended with, or else what the history says. Pure.
 */
import type { OwnerType } from '../scripts-library/stages';
import type { CallOutcome } from '../state-machines/call-outcomes';


/** What a household's records say, as the contact log keeps it. */
export interface OwnerTypeHistory {
  monthsOverdue: number;
  /** Every contact (any channel, any order); a call's outcome by its id (null for other contacts). */
  contacts: readonly {
    id: string;
    channel: string;
    at: string;
    outcomeId?: CallOutcome | string | null;
    refusalReason?: string | null;
    /** The objection the owner raised on the call (an objection id), where recorded. */
    objection?: string | null;
    /** The owner type the call ended with, where recorded. */
    ownerType?: OwnerType | null;
  }[];
  grievances: readonly { kind: 'repair' | 'complaint' | 'other'; status: 'open' | 'done'; title: string }[];
  promises: readonly { contactId: string; status: string }[];
}

export interface OwnerTypeGuess {
  type: OwnerType;
  /** Why, in a few Chinese words, shown beside the owner-type picker. */
  because: string;
}

/** Calls that did not reach anyone this many times (and at least half of all calls) mean a hard-to-reach owner. */
const UNREACHED_CALLS = 2;
/** Owing this long without any other sign reads as wilful. */
const WILFUL_MONTHS = 6;

/**
 * The owner type to start a call with. The type the last call ended with (the steward's own judgement); else,
 * from the history: a refusal → D; an open repair or complaint → B; an instalment plan → E; an owner mostly
 * unreachable, or busy / away → C; six months or more owed → D; otherwise A (forgot).
 */
export function ownerTypeFor(history: OwnerTypeHistory): OwnerTypeGuess {
  const calls = history.contacts.filter((contact) => contact.channel === '电话').sort((a, b) => b.at.localeCompare(a.at));
  const judged = calls.find((contact) => contact.ownerType);
  if (judged?.ownerType) return { type: judged.ownerType, because: `上次通话选的是 ${judged.ownerType} 类` };

  const refusals = calls.filter((contact) => contact.outcomeId === 'refused' || !!contact.refusalReason).length;
  if (refusals > 0) return { type: 'D', because: `有 ${refusals} 次明确拒缴记录` };
  if (calls.some((contact) => contact.objection === 'neighbours')) return { type: 'D', because: '业主说过“邻居也没交”' };

  const open = history.grievances.filter((grievance) => grievance.status === 'open' && grievance.kind !== 'other');
  if (open.length > 0) return { type: 'B', because: `有未处理完的${open.some((grievance) => grievance.kind === 'repair') ? '报修' : '投诉'}（${open.map((grievance) => grievance.title).join('、')}）` };

  const promisesPerCall = new Map<string, number>();
  for (const promise of history.promises) if (promise.status !== 'cancelled') promisesPerCall.set(promise.contactId, (promisesPerCall.get(promise.contactId) ?? 0) + 1);
  if (calls.some((contact) => contact.outcomeId === 'instalment') || [...promisesPerCall.values()].some((count) => count >= 2)) {
    return { type: 'E', because: '有分期约定（业主说过有困难）' };
  }

  if (calls.some((contact) => contact.objection === 'busy')) return { type: 'C', because: '业主说过忙 / 在外地' };
  const unreached = calls.filter((contact) => contact.outcomeId === 'no-answer' || contact.outcomeId === 'busy').length;
  if (unreached >= UNREACHED_CALLS && unreached * 2 >= calls.length) return { type: 'C', because: `${calls.length} 次通话中 ${unreached} 次未接通` };

  const months = history.monthsOverdue;
  if (months >= WILFUL_MONTHS) return { type: 'D', because: `欠费 ${months} 个月` };
  return { type: 'A', because: months > 0 ? `欠费 ${months} 个月，没有拒缴、异议或困难的记录` : '没有拒缴、异议或困难的记录' };
}
