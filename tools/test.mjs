// `npm test`: everything, in order — typecheck (per layer), lint, build, the Electron security scan,
// then every vitest project (unit, integration, team on a throwaway PostgreSQL, component, e2e in headless Chromium).
// Runs all steps even when one fails, and ends with one plain line: `N passed, N failed`
// (each check step counts as one, each vitest test as one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const results = [];

function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

for (const layer of ['pure', 'node', 'web', 'tests']) step(`typecheck ${layer}`, bin('tsc'), ['-p', `tsconfig.${layer}.json`]);
step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
const built = step('build', process.execPath, ['tools/build.mjs']);
if (built) step('electronegativity (no HIGH findings)', process.execPath, ['tools/electronegativity.mjs']);
else results.push({ name: 'electronegativity (skipped: build failed)', ok: false, seconds: 0 });

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const reportFile = path.join(root, 'test-results/vitest.json');
const vitestOk = step('vitest (unit, integration, team, component, e2e)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], {
  CALL_COACH_SKIP_BUILD: built ? '1' : '0',
});
results.pop(); // counted test by test below

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A file that failed to load has no tests to count: count it as a failure.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}
if (!vitestOk && failed === 0) failed += 1; // vitest failed without a failing test (crash, bad config)

const checksPassed = results.filter((r) => r.ok).length;
const checksFailed = results.length - checksPassed;
console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
console.log(`  vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
console.log(`${passed + checksPassed} passed, ${failed + checksFailed} failed`);
process.exit(failed + checksFailed > 0 ? 1 : 0);
