/** The import boundaries between layers are enforced by lint: prove each rule fires where it should. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedFindings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.ruleId!);
}

describe('layer boundaries', () => {
  it.each([
    ['electron/backend/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/server/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['state-machines/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('only electron/main and electron/preload may import electron: %s', async (file, code) => {
    expect(await restrictedFindings(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n"],
  ])('%s may import electron', async (file, code) => {
    expect(await restrictedFindings(file, code)).toEqual([]);
  });

  it.each(['state-machines/x.ts', 'scripts-library/x.ts', 'domain/x.ts', 'electron/contract/x.ts'])(
    'pure module %s may use neither Node nor the DOM',
    async (file) => {
      expect(await restrictedFindings(file, "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
      expect(await restrictedFindings(file, "import path from 'path';\nexport const a = path;\n")).toContain('no-restricted-imports');
      expect(await restrictedFindings(file, 'export const a = window.innerWidth;\n')).toContain('no-restricted-globals');
      expect(await restrictedFindings(file, 'export const a = process.env.X;\n')).toContain('no-restricted-globals');
    },
  );

  it('the renderer may not use Node built-ins or reach into the backend', async () => {
    expect(await restrictedFindings('renderer/src/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(
      await restrictedFindings('renderer/src/x.ts', "import { createBackend } from '../../electron/backend';\nexport const a = createBackend;\n"),
    ).toContain('no-restricted-imports');
    expect(await restrictedFindings('renderer/src/x.ts', 'export const a = process.env.X;\n')).toContain('no-restricted-globals');
  });

  it('the backend may not use the DOM', async () => {
    expect(await restrictedFindings('electron/backend/x.ts', 'export const a = document.title;\n')).toContain('no-restricted-globals');
    expect(await restrictedFindings('electron/backend/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
  });
});
