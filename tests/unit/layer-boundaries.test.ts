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

  it.each(['domain/x.ts', 'scripts-library/x.ts', 'state-machines/x.ts', 'electron/contract/x.ts'])('pure module %s may import only the allowed npm packages', async (file) => {
    for (const banned of ['exceljs', 'lowdb', 'pg', 'papaparse', '@scope/pkg', 'zodiac']) {
      expect(await restrictedFindings(file, `import x from '${banned}';\nexport const a = x;\n`), banned).toContain('no-restricted-imports');
    }
    for (const allowed of ['zod', 'xstate', 'fuse.js', 'pinyin-pro', 'dayjs', 'dayjs/plugin/utc', './sibling', '../domain/dates']) {
      expect(await restrictedFindings(file, `import x from '${allowed}';\nexport const a = x;\n`), allowed).toEqual([]);
    }
  });

  it('handlers and services reach storage only through the ports; the composition root and the CLI only through its entry point', async () => {
    const entry = "import { openJsonStorage } from '../json-storage';\nexport const a = openJsonStorage;\n";
    const deep = "import { LedgerStore } from '../json-storage/ledger-store';\nexport const a = LedgerStore;\n";
    expect(await restrictedFindings('electron/backend/handlers/x.ts', entry)).toContain('no-restricted-imports');
    expect(await restrictedFindings('electron/backend/handlers/x.ts', deep)).toContain('no-restricted-imports');
    expect(await restrictedFindings('electron/backend/follow-ups/x.ts', entry)).toContain('no-restricted-imports');
    expect(await restrictedFindings('electron/backend/handlers/x.ts', "import type { Storage } from '../ports';\nexport type A = Storage;\n")).toEqual([]);
    expect(await restrictedFindings('electron/backend/index.ts', "import { openJsonStorage } from './json-storage';\nexport const a = openJsonStorage;\n")).toEqual([]);
    expect(await restrictedFindings('electron/backend/index.ts', "import { LedgerStore } from './json-storage/ledger-store';\nexport const a = LedgerStore;\n")).toContain('no-restricted-imports');
    expect(await restrictedFindings('electron/cli/x.ts', "import { LOCK_FILE_NAME } from '../backend/json-storage';\nexport const a = LOCK_FILE_NAME;\n")).toEqual([]);
    expect(await restrictedFindings('electron/cli/x.ts', "import { DataFile } from '../backend/json-storage/data-file';\nexport const a = DataFile;\n")).toContain('no-restricted-imports');
    expect(await restrictedFindings('electron/backend/json-storage/x.ts', "import { DataFile } from './data-file';\nexport const a = DataFile;\n")).toEqual([]);
    // The team database the same way: its tables only inside postgres-storage.
    expect(await restrictedFindings('electron/backend/handlers/x.ts', "import { openTeamDatabase } from '../postgres-storage';\nexport const a = openTeamDatabase;\n")).toContain('no-restricted-imports');
    expect(await restrictedFindings('electron/backend/handlers/x.ts', "import { Accounts } from '../postgres-storage/accounts';\nexport const a = Accounts;\n")).toContain('no-restricted-imports');
    expect(await restrictedFindings('electron/backend/postgres-storage/x.ts', "import { migrate } from './migrator';\nexport const a = migrate;\n")).toEqual([]);
  });

  it('the CLI calls the backend through dispatch: it cannot import a handler, a service or a store', async () => {
    const importing = (from: string) => `import * as x from '${from}';\nexport const a = x;\n`;
    for (const reach of ['../backend/handlers', '../backend/ledger/commit-import', '../backend/ledger/demo-seed', '../backend/dispatch', '../backend/json-storage/ledger-store', '../backend/postgres-storage/accounts']) {
      expect(await restrictedFindings('electron/cli/x.ts', importing(reach)), reach).toContain('no-restricted-imports');
    }
    for (const allowed of ['../backend', '../backend/app-info', '../backend/json-storage', '../backend/postgres-storage', './export-arrears', '../contract']) {
      expect(await restrictedFindings('electron/cli/x.ts', importing(allowed)), allowed).toEqual([]);
    }
  });
});
