/**
 * Back-office command line. Takes the data directory's lock like the app (close the app first).
 *   npm run cli -- import <file> [--mapping NAME] [--community NAME] [--scope community|household] [--skip-errors] [--dry-run] [--json]
 *   npm run cli -- export arrears --out FILE.xlsx|FILE.csv [--community NAME]
 *   npm run cli -- backup [--out DIR]
 *   npm run cli -- doctor [--forget FILE]
 *   npm run cli -- demo-data --households N [--seed N]
 *   npm run cli -- --database-url URL users add|list|disable|enable|reset-password [--username U] [--name N] [--role R …] [--community C …] [--password-stdin]
 * Every data-folder command takes --data-dir DIR (or CALL_COACH_DATA_DIR); the default is browser mode's (~/.call-coach).
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ApiError, DEMO_HOUSEHOLDS_MAX, type ImportEntry, type ImportPreview, type InputOf, type MethodName, type OutputOf } from '../contract';
import { createBackend, type Backend } from '../backend';
import { APP_VERSION, defaultBrowserDataDir, resolveDataDir } from '../backend/app-info';
import { LOCK_FILE_NAME } from '../backend/json-storage';
import { CLI_ACTOR } from '../../domain/roles';
import { formatYuan } from '../../domain/money';
import { writeArrears } from './export-arrears';
import { usersCommand, UsersUsageError } from './users';

const USAGE = `用法:
  npm run cli -- import <文件> [--mapping 名称] [--community 小区] [--scope community|household] [--skip-errors] [--dry-run] [--json]
  npm run cli -- export arrears --out 文件.xlsx|文件.csv [--community 小区]
  npm run cli -- backup [--out 目录]
  npm run cli -- doctor [--forget 文件]      （--forget：确认某个不见了的数据文件不再需要，下次启动从默认内容开始）
  npm run cli -- demo-data --households 数量 [--seed 数字]
  npm run cli -- --database-url postgres://… users add --username 用户名 --name 姓名 --role steward|lead|admin|auditor [--community 小区 …] --password-stdin
  npm run cli -- --database-url postgres://… users list | disable --username 用户名 | enable --username 用户名 | reset-password --username 用户名 --password-stdin
  数据文件夹的命令都可加 --data-dir 目录（或环境变量 CALL_COACH_DATA_DIR）；团队数据库用 --database-url（或 CALL_COACH_DATABASE_URL）`;

class UsageError extends Error {}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    mapping: { type: 'string' },
    community: { type: 'string', multiple: true },
    scope: { type: 'string' },
    'skip-errors': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    households: { type: 'string' },
    seed: { type: 'string' },
    forget: { type: 'string' },
    'database-url': { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    'password-stdin': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

const dataDir = resolveDataDir(values['data-dir'], process.env, defaultBrowserDataDir);
const say = (line: string) => process.stderr.write(`${line}\n`);

/** A contract method called as the CLI's actor, through dispatch like every other caller; errors thrown as ApiError. */
type Call = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;

async function withBackend<T>(work: (call: Call, backend: Backend) => Promise<T>): Promise<T> {
  const backend = await createBackend({ dataDir, mode: 'cli', version: APP_VERSION, demoHouseholds: 0, log: say });
  const call: Call = async (method, input) => {
    const result = await backend.dispatch(method, input, CLI_ACTOR);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as OutputOf<typeof method>;
  };
  try {
    return await work(call, backend);
  } finally {
    backend.close();
  }
}

/** Sends a file in the contract's chunks and waits for its preview (the same steps as the import dialog). */
async function previewOf(call: Call, file: string, bytes: Buffer, options: InputOf<'ledger.previewImport'> extends infer P ? Omit<P, 'uploadId'> : never): Promise<{ jobId: string; preview: ImportPreview }> {
  const { uploadId, chunkBytes } = await call('ledger.uploadStart', { fileName: path.basename(file), sizeBytes: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await call('ledger.uploadChunk', { uploadId, offset, contentBase64: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  const { jobId } = await call('ledger.previewImport', { uploadId, ...options });
  for (;;) {
    const status = await call('ledger.importStatus', { jobId });
    if (status.state === 'ready') return { jobId, preview: status.preview };
    if (status.state === 'failed') throw new ApiError({ code: 'VALIDATION', message: status.message });
    await sleep(50);
  }
}

async function importCommand(file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('import 需要一个文件');
  const scope = values.scope ?? 'community';
  if (scope !== 'community' && scope !== 'household') throw new UsageError('--scope 只能是 community 或 household');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiError({ code: 'VALIDATION', message: code === 'ENOENT' ? `找不到文件「${file}」` : code === 'EISDIR' ? `「${file}」是一个文件夹，不是收费系统导出的文件` : `无法读取文件「${file}」：${(error as Error).message}` });
  }
  if (bytes.length === 0) throw new ApiError({ code: 'VALIDATION', message: '文件是空的' });
  return withBackend(async (call) => {
    const community = values.community?.at(-1) ?? path.basename(file).replace(/\.[^.]+$/, '');
    const { jobId, preview } = await previewOf(call, file, bytes, { defaultCommunity: community, scope, ...(values.mapping ? { mappingName: values.mapping } : {}) });
    const blocked = preview.missing.length > 0 || (preview.errorCount > 0 && !values['skip-errors']);
    let committed: ImportEntry | null = null;
    if (!blocked && !values['dry-run']) committed = await call('ledger.commitImport', { jobId, skipErrorRows: Boolean(values['skip-errors']) });
    else await call('ledger.cancelImport', { jobId });
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({
          ok: !blocked,
          committed: committed !== null,
          importId: committed?.id ?? null,
          households: preview.households,
          items: preview.items,
          totalOwedFen: preview.owedFen,
          missingColumns: preview.missing,
          errorCount: preview.errorCount,
          errors: preview.errors.map(({ sheet, row, column, reason }) => ({ sheet, row, column, reason })),
          merge: committed?.stats ?? preview.merge,
        })}\n`,
      );
    } else {
      say(`${preview.fileName}: ${preview.households} 户, ${preview.items} 条欠费明细, 欠费合计 ${formatYuan(preview.owedFen)}`);
      if (preview.missing.length) say(`缺少必需的列: ${preview.missing.join('、')}`);
      for (const error of preview.errors) say(`  第 ${error.row} 行「${error.column}」: ${error.reason}${error.sheet !== 'CSV' ? `（工作表 ${error.sheet}）` : ''}`);
      if (preview.errorCount > preview.errors.length) say(`  …… 共 ${preview.errorCount} 处错误`);
      if (committed) say(`已导入 (${committed.id}): 新增 ${committed.stats.newHouseholds} 户, 新增明细 ${committed.stats.newItems} 条, 推算缴费 ${committed.stats.payments} 笔`);
      else if (blocked) say('未导入: 台账没有改动。修正后重试，或加 --skip-errors 跳过有错误的行。');
      else say('试运行 (--dry-run): 台账没有改动。');
    }
    return blocked ? 1 : 0;
  });
}

async function exportCommand(what: string | undefined): Promise<number> {
  if (what !== 'arrears') throw new UsageError('目前只能导出 arrears（欠费明细）');
  if (!values.out) throw new UsageError('export 需要 --out 文件.xlsx 或 文件.csv');
  return withBackend(async (call) => {
    const { headers, rows } = await call('ledger.exportArrears', values.community?.length ? { community: values.community.at(-1)! } : {});
    await writeArrears(values.out!, headers, rows);
    say(`已导出 ${rows.length} 条欠费明细到 ${values.out}（电话已打码）`);
    return 0;
  });
}

/** A copy of the data folder, taken under its lock: a file operation of the local storage, not an API call. */
async function backupCommand(): Promise<number> {
  return withBackend(async () => {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    const target = path.resolve(values.out ?? path.join(dataDir, '..', `call-coach-backup-${stamp}`));
    if (target.startsWith(path.resolve(dataDir) + path.sep)) throw new UsageError('备份目录不能在数据目录里面');
    mkdirSync(target, { recursive: true });
    // We hold the lock: no one else writes while we copy.
    cpSync(dataDir, target, { recursive: true, filter: (source) => path.basename(source) !== LOCK_FILE_NAME && !source.endsWith('.tmp') });
    say(`已备份 ${dataDir} → ${target}`);
    return 0;
  });
}

async function doctorCommand(): Promise<number> {
  return withBackend(async (call) => {
    if (values.forget) {
      const { forgotten } = await call('storage.forgetMissingFile', { name: values.forget });
      say(`已确认 ${forgotten} 不再需要：下次启动时它从默认内容重新开始。`);
      return 0;
    }
    const { storage } = await call('app.status', {});
    const files = storage.files;
    for (const file of files) say(`${file.state === 'error' ? '✘' : '✔'} ${file.label.padEnd(10)} ${file.fileName}${file.error ? `\n    ${file.error}` : ''}`);
    const bad = files.filter((file) => file.state === 'error').length;
    const { total } = bad ? { total: 0 } : await call('households.list', { owingOnly: false, limit: 1 });
    say(bad ? `${bad} 个数据文件有问题（文件未被改动）。` : `全部 ${files.length} 项数据正常（${total} 户）。`);
    return bad ? 1 : 0;
  });
}

async function demoCommand(): Promise<number> {
  const households = Number(values.households ?? 3000);
  if (!Number.isInteger(households) || households < 1 || households > DEMO_HOUSEHOLDS_MAX) throw new UsageError(`--households 应为 1 到 ${DEMO_HOUSEHOLDS_MAX} 的整数`);
  return withBackend(async (call) => {
    const started = Date.now();
    const entry = await call('ledger.seedDemo', { households, ...(values.seed ? { seed: Number(values.seed) } : {}) });
    say(`已生成 ${entry.stats.householdsInFile} 户、${entry.stats.itemsInFile} 条明细的演示数据（${((Date.now() - started) / 1000).toFixed(1)} 秒）→ ${dataDir}`);
    return 0;
  });
}

async function main(): Promise<number> {
  const [command, argument] = positionals;
  if (values.help || !command) {
    say(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'import':
      return importCommand(argument);
    case 'export':
      return exportCommand(argument);
    case 'backup':
      return backupCommand();
    case 'doctor':
      return doctorCommand();
    case 'demo-data':
      return demoCommand();
    case 'users':
      return usersCommand(argument, {
        databaseUrl: values['database-url'] ?? process.env.CALL_COACH_DATABASE_URL ?? '',
        ...(values.username ? { username: values.username } : {}),
        ...(values.name ? { name: values.name } : {}),
        roles: values.role ?? [],
        communities: values.community ?? [],
        passwordStdin: Boolean(values['password-stdin']),
        json: Boolean(values.json),
        say,
        readStdin: async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
          return Buffer.concat(chunks).toString('utf8');
        },
      });
    default:
      throw new UsageError(`未知命令「${command}」`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof UsersUsageError) say(`${error.message}\n\n${USAGE}`);
    else say(`错误: ${error instanceof Error ? error.message : String(error)}`);
    if (values.json && !(error instanceof UsageError)) process.stdout.write(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
    process.exit(error instanceof UsageError || error instanceof UsersUsageError ? 2 : 1);
  },
);
