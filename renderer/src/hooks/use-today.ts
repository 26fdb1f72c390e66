/**
 * "Today" for every default and bound in the renderer (a date picker's default day, the days it allows, a call's
 * day): the backend's day, which `--today` fixes in test mode, never the machine's clock on its own. Read from
 * app.status (the status store), which the shell loads at start.
 */
import { todayInShanghai } from '../../../domain/clock';
import type { IsoDate } from '../../../domain/dates';
import { selectBackendToday, selectTodaySettled, useStatusStore } from '../stores/status-store';

/** The backend's day, or null until app.status has answered. */
export function useBackendToday(): IsoDate | null {
  return useStatusStore(selectBackendToday);
}

/** The backend's day; until app.status has answered (or when it cannot), the machine's calendar in Asia/Shanghai. */
export function useToday(): IsoDate {
  return useBackendToday() ?? todayInShanghai();
}

/** Whether `useToday` is settled: the backend's day, or the backend cannot say. For what fixes the day once. */
export function useTodaySettled(): boolean {
  return useStatusStore(selectTodaySettled);
}
