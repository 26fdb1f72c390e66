// Electron's desktop binary: where it is, and fetching it at install time without failing the install.
// Checked without loading the `electron` package's index, which throws "Electron failed to install
// correctly…" when the binary was never downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** A slow line may need minutes for ~100 MB; an unreachable host fails in well under a second. */
const DOWNLOAD_TIMEOUT_MS = 20 * 60 * 1000;

/** The installed `electron` package's folder and version, or null when the package is not installed at all. */
export function electronPackage() {
  try {
    const manifest = require.resolve('electron/package.json');
    return { dir: path.dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
  } catch {
    return null;
  }
}

/**
 * The desktop binary of the package's version, or null. Mirrors electron's own checks (dist/version, path.txt,
 * the file; ELECTRON_OVERRIDE_DIST_PATH points at an Electron unpacked elsewhere).
 */
export function electronBinary(pkg = electronPackage(), env = process.env) {
  if (!pkg) return null;
  const read = (file) => {
    try {
      return readFileSync(path.join(pkg.dir, file), 'utf8').trim();
    } catch {
      return null; // never downloaded, or an interrupted download
    }
  };
  const relative = read('path.txt');
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(binary) ? binary : null;
  }
  const binary = relative ? path.join(pkg.dir, 'dist', relative) : null;
  return binary && read(path.join('dist', 'version'))?.replace(/^v/, '') === pkg.version && existsSync(binary) ? binary : null;
}

/**
 * Runs the electron package's own install.js (the download) unless the binary is there or
 * ELECTRON_SKIP_BINARY_DOWNLOAD is set. Returns what to print and the exit code: 0 unless `retry`
 * (the user asked for the download) and it failed.
 */
export function fetchElectronBinary(pkg, { retry = false, env = process.env } = {}) {
  if (!pkg) return retry ? { code: 1, line: 'The electron package is not installed (run npm install first).' } : { code: 0, line: '' };
  if (electronBinary(pkg, env)) return { code: 0, line: retry ? `Electron ${pkg.version} is already installed.` : '' };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD && !retry) {
    return { code: 0, line: "Electron's desktop binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set): npm start will open browser mode." };
  }
  const childEnv = { ...env };
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const run = spawnSync(process.execPath, [path.join(pkg.dir, 'install.js')], {
    cwd: pkg.dir,
    env: childEnv,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  if (run.status === 0 && electronBinary(pkg, env)) return { code: 0, line: `Electron ${pkg.version} desktop binary installed.` };
  const reason = run.error?.code === 'ETIMEDOUT' ? 'the download did not finish in 20 minutes' : (firstErrorLine(run.stderr) ?? `exit code ${run.status}`);
  return {
    code: retry ? 1 : 0,
    line:
      `Electron's desktop binary could not be downloaded (${reason}). npm start will open the same app in browser mode;` +
      ' run `npm run install-electron` to try the download again.',
  };
}

/** The first line of the error the install script printed, e.g. "RequestError: getaddrinfo ENOTFOUND github.com". */
function firstErrorLine(stderr) {
  const line = (stderr ?? '').split('\n').map((text) => text.trim()).find((text) => text && !text.startsWith('at '));
  return line ? line.slice(0, 200) : null;
}
