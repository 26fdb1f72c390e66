import type { Handler } from './types';

export const settingsGet: Handler<'settings.get'> = async (_input, { store }) => ({ ...store.file('settings').read() });

export const settingsUpdate: Handler<'settings.update'> = (patch, { store }) =>
  store.file('settings').update((draft) => {
    Object.assign(draft, patch);
  });
