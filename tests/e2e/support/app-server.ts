/** Starts the built browser-mode server (what `npm start` runs here) on a free port and a fresh data dir. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const serverBundle = path.join(repoRoot, 'dist/electron/server.cjs');

export interface RunningApp {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
  /** SIGKILL: the process gets no chance to tidy up, like a crash or a power cut. */
  kill(): Promise<void>;
}

export function makeDataDir(prefix = 'call-coach-e2e-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * `via: 'npm-start'` runs tools/start.mjs exactly as `npm start` does, with Electron's binary pointed at an
 * empty folder so that it takes the browser-mode route on any machine; 'server' runs the built server.
 */
/** The steward a desk is set up for in the tests (the first-run dialog asks only when no name is set). */
export const TEST_STEWARD = { stewardName: '王敏', companyName: '晨光物业' };

/**
 * Starts the app; unless `steward: null`, the desk is set up for TEST_STEWARD as a steward does on first start.
 */
export async function startApp(options: { dataDir?: string; via?: 'npm-start' | 'server'; args?: string[]; steward?: typeof TEST_STEWARD | null } = {}): Promise<RunningApp> {
  const app = await launch(options);
  const steward = options.steward === undefined ? TEST_STEWARD : options.steward;
  if (steward) {
    const response = await fetch(`${app.origin}/api/settings.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-call-coach-token': app.token },
      body: JSON.stringify(steward),
    });
    // A desk whose settings file is broken on purpose (corrupt-data test) refuses: that is the test's business.
    await response.arrayBuffer();
  }
  return app;
}

function launch(options: { dataDir?: string; via?: 'npm-start' | 'server'; args?: string[] }): Promise<RunningApp> {
  const dataDir = options.dataDir ?? makeDataDir();
  const appArgs = ['--data-dir', dataDir, '--port', '0', ...(options.args ?? [])];
  const child: ChildProcess =
    options.via === 'npm-start'
      ? spawn(process.execPath, [path.join(repoRoot, 'tools/start.mjs'), ...appArgs], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: makeDataDir('no-electron-') },
        })
      : spawn(process.execPath, [serverBundle, ...appArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const [, url, port, token] = match as unknown as [string, string, string, string];
      resolve({
        url,
        origin: `http://127.0.0.1:${port}`,
        port: Number(port),
        token,
        dataDir,
        output: () => output,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
        async kill() {
          if (child.exitCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
