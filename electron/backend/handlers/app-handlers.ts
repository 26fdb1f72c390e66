import type { Handler } from './types';

export const appStatus: Handler<'app.status'> = async (_input, { store, ledger, contacts, app, today }) => {
  const files = [...(await store.health()), await ledger.health(), await contacts.health()];
  return {
    appName: app.name,
    version: app.version,
    mode: app.mode,
    dataDir: store.dataDir,
    startedAt: app.startedAt.toISOString(),
    today: today(),
    nodeVersion: process.versions.node,
    storage: { healthy: files.every((file) => file.state === 'ok'), files },
  };
};
