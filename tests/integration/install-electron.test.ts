// The install step that fetches Electron's desktop binary: a failed download never fails `npm install`,
// a successful one is reported, and the checks match what electron's own install.js writes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, fetchElectronBinary } from '../../tools/electron-binary.mjs';
import { tempDir } from '../helpers/fs';

/** A stand-in for node_modules/electron whose install.js runs the given body. */
function fakeElectron(installBody: string) {
  const dir = tempDir('fake-electron-');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1' }));
  writeFileSync(path.join(dir, 'install.js'), installBody);
  return { dir, version: '41.7.1' };
}

const UNREACHABLE = `console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous> (got.js:1:1)'); process.exit(1);`;
const DOWNLOADS = `
const fs = require('fs'); const path = require('path');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v41.7.1');
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n');
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
fs.writeFileSync(path.join(__dirname, 'ran'), String(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? ''));`;

describe('fetching Electron at install time', () => {
  it('an unreachable download host leaves the install successful, with one calm line and the reason', () => {
    const pkg = fakeElectron(UNREACHABLE);
    const result = fetchElectronBinary(pkg, { env: {} });
    expect(result.code).toBe(0);
    expect(result.line).toContain('getaddrinfo ENOTFOUND github.com');
    expect(result.line).toContain('browser mode');
    expect(result.line).not.toContain('ClientRequest');
    expect(electronBinary(pkg)).toBeNull();
  });

  it('npm run install-electron (retry) reports the same failure with exit code 1', () => {
    expect(fetchElectronBinary(fakeElectron(UNREACHABLE), { retry: true, env: {} }).code).toBe(1);
  });

  it('a download that works installs the binary, found afterwards by npm start', () => {
    const pkg = fakeElectron(DOWNLOADS);
    const result = fetchElectronBinary(pkg, { env: {} });
    expect(result).toEqual({ code: 0, line: 'Electron 41.7.1 desktop binary installed.' });
    expect(electronBinary(pkg)).toBe(path.join(pkg.dir, 'dist', 'electron'));
    // already there: nothing to do, nothing printed
    expect(fetchElectronBinary(pkg, { env: {} })).toEqual({ code: 0, line: '' });
  });

  it('ELECTRON_SKIP_BINARY_DOWNLOAD skips the download at install; a retry downloads anyway', () => {
    const pkg = fakeElectron(DOWNLOADS);
    const skipped = fetchElectronBinary(pkg, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(skipped.code).toBe(0);
    expect(skipped.line).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(electronBinary(pkg)).toBeNull();
    expect(fetchElectronBinary(pkg, { retry: true, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } }).code).toBe(0);
    expect(readFileSync(path.join(pkg.dir, 'ran'), 'utf8')).toBe(''); // electron's script saw no skip variable
  });

  it('a binary of another version (an interrupted upgrade) counts as absent', () => {
    const pkg = fakeElectron(UNREACHABLE);
    mkdirSync(path.join(pkg.dir, 'dist'));
    writeFileSync(path.join(pkg.dir, 'dist', 'version'), 'v40.0.0');
    writeFileSync(path.join(pkg.dir, 'dist', 'electron'), '');
    writeFileSync(path.join(pkg.dir, 'path.txt'), 'electron');
    expect(electronBinary(pkg)).toBeNull();
  });

  it("package.json hands electron's own install script to this step and approves the other install scripts", () => {
    const manifest = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      allowScripts: Record<string, boolean>;
      devDependencies: Record<string, string>;
    };
    expect(manifest.scripts.postinstall).toBe('node tools/install-electron.mjs');
    expect(manifest.allowScripts.electron).toBe(false);
    expect(manifest.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/); // pinned: the binary matches the checksums
  });
});
