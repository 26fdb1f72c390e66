import { buildTodayQueue } from '../follow-ups/today-queue';
import type { Handler } from './types';

/** HH:mm now in Asia/Shanghai. */
const shanghaiTime = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 16);

export const followupsToday: Handler<'followups.today'> = async ({ date }, { ledger, contacts, store, today }) => {
  const day = date ?? today();
  // For another day than today, the time of day does not apply: judge it as if at 10:00.
  const time = day === today() ? shanghaiTime() : '10:00';
  return buildTodayQueue(ledger, contacts, day, time, store.file('teamSettings').read());
};

export const teamSettingsGet: Handler<'teamSettings.get'> = async (_input, { store }) => structuredClone(store.file('teamSettings').read());

export const teamSettingsUpdate: Handler<'teamSettings.update'> = async (settings, { store }) =>
  store.file('teamSettings').update((draft) => {
    Object.assign(draft, settings);
  });
