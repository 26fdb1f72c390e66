import type { Handler } from './types';

export const settingsGet: Handler<'settings.get'> = async (_input, { storage }) => ({ ...storage.settings.read() });

export const settingsUpdate: Handler<'settings.update'> = (patch, { storage }) =>
  storage.settings.update((draft) => {
    Object.assign(draft, patch);
  });
