/** How a call ended: every outcome has one key, shown on screen. Pure. */
export const callOutcomes = [
  { id: 'promised', label: '承诺缴费', key: '1' },
  { id: 'paid', label: '已缴 / 当场缴', key: '2' },
  { id: 'instalment', label: '分期约定', key: '3' },
  { id: 'grievance', label: '有诉求，已记录', key: '4' },
  { id: 'refused', label: '拒缴', key: '5' },
  { id: 'callback', label: '约好回电', key: '6' },
  { id: 'no-answer', label: '未接通', key: '7' },
  { id: 'busy', label: '占线', key: '8' },
  { id: 'wrong-person', label: '打错 / 非本人', key: '9' },
  { id: 'hung-up', label: '业主中途挂断', key: '0' },
  // Set by the branch that leads to them (no key of their own): a relative answered; a revisit's answer.
  { id: 'third-party', label: '家属 / 租户代接', key: null },
  { id: 'revisit-fixed', label: '回访：问题已解决', key: null },
  { id: 'revisit-not-fixed', label: '回访：问题未解决', key: null },
] as const;

export type CallOutcome = (typeof callOutcomes)[number]['id'];

export const outcomeForKey = (key: string): CallOutcome | undefined => callOutcomes.find((outcome) => outcome.key !== null && outcome.key === key)?.id;

/** Outcomes that need promises pinned first: choosing them before that goes to the pinning step. */
export const outcomesNeedingPromises: readonly CallOutcome[] = ['promised', 'instalment'];

/** Outcomes of a call that reached no one: the line rang out, was busy, or the number was wrong. */
export const unreachedOutcomes: readonly CallOutcome[] = ['no-answer', 'busy', 'wrong-person'];

/** The outcome a label stands for (records written before outcome ids were stored beside the label). */
export const outcomeIdOfLabel = (label: string): CallOutcome | null => callOutcomes.find((outcome) => outcome.label === label)?.id ?? null;

/** The label shown and kept beside an outcome id. */
export const outcomeLabel = (id: CallOutcome): string => callOutcomes.find((outcome) => outcome.id === id)!.label;

/** Whether a logged call (by its outcome id) reached the owner or someone for them; a call without one counts as reached. */
export const reachedSomeone = (outcomeId: string | null | undefined): boolean => !outcomeId || !(unreachedOutcomes as readonly string[]).includes(outcomeId);
