import { appStatus } from './app-handlers';
import { settingsGet, settingsUpdate } from './settings-handlers';
import type { Handlers } from './types';

export type { BackendContext, Handlers } from './types';

export const handlers: Handlers = {
  'app.status': appStatus,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
};
