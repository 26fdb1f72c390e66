/**
 * The follow-up engine's rules, as pure functions of an injected "today" (a calendar day in Asia/Shanghai) and, for
 * call windows, the time of day, one concern per module under follow-ups/: the team's settings, the promise
 * lifecycle, the monthly round, contact limits and the start of a call, and 今日跟进's entries. This module gathers
 * them for existing callers.
 */
export * from './follow-ups/team-settings';
export * from './follow-ups/promises';
export * from './follow-ups/monthly-round';
export * from './follow-ups/contact-limits';
export * from './follow-ups/queue-entries';
export { noticeKinds, type IssuedNotice, type NoticeKind } from './notice-ladder';
/** Moved to dates.ts (instalment plans use it too); re-exported here for existing callers. */
export { addMonths } from './dates';
