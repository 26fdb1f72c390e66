/**
 * Browser mode: the backend behind a loopback web server that also serves the built renderer.
 *   node dist/electron/server.cjs [--data-dir DIR] [--port N] [--demo-households N] [--today YYYY-MM-DD (test mode)]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from '../backend';
import { APP_VERSION, defaultBrowserDataDir, resolveDataDir } from '../backend/app-info';
import { startWebServer, type WebServer } from './web-server';

const DEFAULT_PORT = 5317;

/** Local browser mode: whoever holds the launch token acts as the desk's user. */
async function listen(backend: Backend, port: number, portWasChosen: boolean): Promise<WebServer> {
  const options = { dispatch: backend.dispatch, actor: backend.deskActor, staticDir: path.resolve(__dirname, '../renderer') };
  try {
    return await startWebServer({ ...options, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || portWasChosen) throw error;
    return startWebServer({ ...options, port: 0 });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'demo-households': { type: 'string' }, today: { type: 'string' } },
    strict: true,
  });
  const portText = values.port ?? process.env.CALL_COACH_PORT;
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portText}`);
  const dataDir = resolveDataDir(values['data-dir'], process.env, defaultBrowserDataDir);

  const demo = values['demo-households'] === undefined ? undefined : Number(values['demo-households']);
  if (demo !== undefined && (!Number.isInteger(demo) || demo < 0)) throw new Error(`invalid --demo-households: ${values['demo-households']}`);
  // Test mode: a fixed "today" for the backend (and, through app.status, the page).
  const fixedToday = values.today;
  if (fixedToday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(fixedToday)) throw new Error(`invalid --today: ${fixedToday} (YYYY-MM-DD)`);
  const backend = await createBackend({
    dataDir,
    mode: 'browser',
    version: APP_VERSION,
    ...(demo === undefined ? {} : { demoHouseholds: demo }),
    ...(fixedToday ? { today: () => fixedToday } : {}),
  });
  const web = await listen(backend, port, portText !== undefined);

  console.log('Call Coach 催缴通话助手 is running in browser mode.');
  console.log(`  Open: ${web.url}`);
  console.log(`  Data: ${dataDir}`);
  console.log('Press Ctrl+C to stop.');

  const stop = () => {
    void web.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Call Coach could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
