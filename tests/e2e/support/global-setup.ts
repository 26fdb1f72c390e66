/** End-to-end tests drive the built app: build it unless the caller (tools/test.mjs) just did. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './app-server';

export default function setup(): void {
  if (process.env.CALL_COACH_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [path.join(repoRoot, 'tools/build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
}
