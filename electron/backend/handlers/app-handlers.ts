import type { Handler } from './types';

export const appStatus: Handler<'app.status'> = async (_input, { store, app }) => {
  const files = await store.health();
  return {
    appName: app.name,
    version: app.version,
    mode: app.mode,
    dataDir: store.dataDir,
    startedAt: app.startedAt.toISOString(),
    nodeVersion: process.versions.node,
    storage: { healthy: files.every((file) => file.state === 'ok'), files },
  };
};
