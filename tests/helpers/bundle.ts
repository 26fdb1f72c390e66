import path from 'node:path';
import { build } from 'esbuild';
import { tempDir } from './fs';

/** Bundles a child-process fixture (tests/integration/fixtures/<name>.ts) into one CommonJS file to run with node. */
export async function bundleFixture(name: string): Promise<string> {
  const outfile = path.join(tempDir(`call-coach-${name}-`), `${name}.cjs`);
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../integration/fixtures', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    define: { __APP_VERSION__: '"test"' },
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
