// `npm start`: build, then open the desktop app when the Electron binary is installed; otherwise
// (as on machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1) start browser mode and say why.
//   npm start -- [--data-dir DIR] [--port N]     (extra flags go to the app)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const webOnly = args[0] === '--web';
const appArgs = webOnly ? args.slice(1) : args;

/** The Electron binary's path, or the reason there is none. */
function findElectron() {
  try {
    const binary = require('electron');
    return existsSync(binary) ? { binary } : { reason: `no Electron binary at ${binary}` };
  } catch (error) {
    return { reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await buildElectron();
buildRenderer();

const electron = webOnly ? { reason: 'browser mode was asked for (npm run web)' } : findElectron();
if (electron.binary) {
  run(electron.binary, [path.join(root, 'dist/electron/main.cjs'), ...appArgs]);
} else {
  if (!webOnly) {
    console.log(`The Electron binary is not installed here (${electron.reason}).`);
    console.log('Starting browser mode instead: the same app, served on 127.0.0.1 to your browser.');
    console.log('(To get the desktop app, reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD: `npm install electron`.)');
  }
  run(process.execPath, [path.join(root, 'dist/electron/server.cjs'), ...appArgs]);
}
