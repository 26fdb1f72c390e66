/** electron-builder.yml must validate against the JSON schema shipped inside electron-builder itself. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('app-builder-lib/scheme.json');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

describe('electron-builder.yml', () => {
  const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

  it('validates against electron-builder’s own schema', () => {
    const validate = validator();
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('the schema really rejects a wrong config (so the check above means something)', () => {
    const validate = validator();
    expect(validate({ ...config, win: { target: 42 } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('targets Windows nsis, Linux AppImage and deb, macOS dmg, and packs only the built app', () => {
    expect(JSON.stringify(config.win.target)).toContain('nsis');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.files).toContain('dist/**/*');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('sets Electron’s fuses as its security guidance says, and packs the app into an asar archive they can check', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });
});
