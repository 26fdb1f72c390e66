import os from 'node:os';
import path from 'node:path';

declare const __APP_VERSION__: string | undefined;

/** Injected from package.json at build time; tests that run the sources see the dev marker. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

export const DATA_DIR_ENV = 'CALL_COACH_DATA_DIR';

/** Browser mode's default data directory (the desktop app uses Electron's userData instead). */
export const defaultBrowserDataDir = (): string => path.join(os.homedir(), '.call-coach');

/** `--data-dir` wins, then the environment variable, then the runtime's default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv, fallback: () => string): string {
  const chosen = flag ?? env[DATA_DIR_ENV];
  return path.resolve(chosen && chosen.trim() !== '' ? chosen : fallback());
}
