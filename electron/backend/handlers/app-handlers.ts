import { ApiError } from '../../contract';
import type { Handler } from './types';

export const appStatus: Handler<'app.status'> = async (_input, { storage, app, clock, actor }) => {
  const [files, missing] = await Promise.all([storage.health(), storage.missingFiles()]);
  return {
    appName: app.name,
    version: app.version,
    mode: app.mode,
    user: { id: actor.id, name: actor.name, roles: [...actor.roles] },
    dataDir: storage.location,
    startedAt: app.startedAt.toISOString(),
    today: clock.today(),
    nodeVersion: process.versions.node,
    storage: { healthy: files.every((file) => file.state === 'ok'), files, missing },
  };
};

export const storageForgetMissingFile: Handler<'storage.forgetMissingFile'> = async ({ name }, { storage }) => {
  const normalised = name.replaceAll('\\', '/');
  if (!(await storage.missingFiles()).includes(normalised)) throw new ApiError({ code: 'NOT_FOUND', message: `「${normalised}」不是一个不见了的数据文件（npm run cli -- doctor 会列出它们）。` });
  await storage.forgetMissingFile(normalised);
  return { forgotten: normalised };
};
