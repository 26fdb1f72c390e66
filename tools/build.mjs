// Builds everything `npm start` and the tests run: the renderer (vite) and the Node side (esbuild).
//   node tools/build.mjs [--electron-only]
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export async function buildElectron() {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: path.join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    // Prefer ES modules: some packages' CommonJS builds are UMD wrappers with dynamic requires.
    mainFields: ['module', 'main'],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
    legalComments: 'none',
  };
  await esbuild({
    ...common,
    entryPoints: {
      main: path.join(root, 'electron/main/index.ts'),
      preload: path.join(root, 'electron/preload/index.ts'),
      server: path.join(root, 'electron/server/main.ts'),
      'team-server': path.join(root, 'electron/server/team-main.ts'),
      cli: path.join(root, 'electron/cli/main.ts'),
    },
  });
}

export function buildRenderer() {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildElectron();
  if (!process.argv.includes('--electron-only')) buildRenderer();
  console.error(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`);
}
