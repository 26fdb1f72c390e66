// `npm start`: build, then open the desktop app when Electron's desktop binary is installed; otherwise
// (its download failed or was skipped at install) start browser mode, saying so in one sentence.
//   npm start -- [--data-dir DIR] [--port N]     (extra flags go to the app)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer } from './build.mjs';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const webOnly = args[0] === '--web';
const appArgs = webOnly ? args.slice(1) : args;

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await buildElectron();
buildRenderer();

const binary = webOnly ? null : electronBinary();
if (binary) {
  run(binary, [path.join(root, 'dist/electron/main.cjs'), ...appArgs]);
} else {
  if (!webOnly) {
    console.log('The desktop shell (Electron) is not installed on this machine, so the same app is opening in browser mode (`npm run install-electron` fetches it).');
  }
  run(process.execPath, [path.join(root, 'dist/electron/server.cjs'), ...appArgs]);
}
