// Scans the Electron code offline with @doyensec/electronegativity and fails on any HIGH finding.
// Input: electron/main, electron/preload (sources) and the built index.html (for the CSP meta tag).
// The online check (AvailableSecurityFixesGlobalCheck) is excluded: this machine has no internet.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtHtml = path.join(root, 'dist/renderer/index.html');
if (!existsSync(builtHtml)) {
  console.error('electronegativity: dist/renderer/index.html is missing; run `npm run build` first.');
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const stage = mkdtempSync(path.join(os.tmpdir(), 'call-coach-electronegativity-'));
cpSync(path.join(root, 'electron/main'), path.join(stage, 'main'), { recursive: true });
cpSync(path.join(root, 'electron/preload'), path.join(stage, 'preload'), { recursive: true });
cpSync(builtHtml, path.join(stage, 'index.html'));
const report = path.join(stage, 'report.csv');

try {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '-i', stage, '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-o', report, '-r',
    ],
    { cwd: stage, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 },
  );
} catch (error) {
  console.error(`electronegativity could not run: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const parsed = Papa.parse(readFileSync(report, 'utf8').trim(), { skipEmptyLines: true });
const rows = parsed.data.slice(1);
rmSync(stage, { recursive: true, force: true });
const findings = rows.map((row) => {
  const [issue, severity, confidence, file, location] = row.map((field) => field.trim());
  return { issue, severity, confidence, file, location };
});
for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.issue}  ${f.file}:${f.location}`);
const high = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL');
console.log(`electronegativity: ${findings.length} findings, ${high.length} high`);
process.exit(high.length > 0 ? 1 : 0);
