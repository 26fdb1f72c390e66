import { buildTodayQueue } from '../follow-ups/today-queue';
import type { Handler } from './types';

export const followupsToday: Handler<'followups.today'> = async ({ date }, { ledger, contacts, store, today, time }) => {
  const day = date ?? today();
  // For another day than today, the time of day does not apply: judge it as if at 10:00.
  return buildTodayQueue(ledger, contacts, day, day === today() ? time() : '10:00', store.file('teamSettings').read());
};

export const teamSettingsGet: Handler<'teamSettings.get'> = async (_input, { store }) => structuredClone(store.file('teamSettings').read());

export const teamSettingsUpdate: Handler<'teamSettings.update'> = async (settings, { store }) =>
  store.file('teamSettings').update((draft) => {
    Object.assign(draft, settings);
  });
