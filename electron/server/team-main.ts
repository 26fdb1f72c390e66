/**
 * The team server from the command line (`npm run team-server -- …`):
 *   node dist/electron/team-server.cjs --database-url postgres://… [--host 127.0.0.1] [--port 5318]
 *     [--tls-cert FILE --tls-key FILE] [--insecure-http]
 * (or CALL_COACH_DATABASE_URL). Binds 127.0.0.1 unless told otherwise; another address needs TLS, or
 * --insecure-http, which warns. Prints `Team server: http(s)://HOST:PORT/` once it serves.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../backend/app-info';
import { startTeamServer } from './team-server';

const DEFAULT_PORT = 5318;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'insecure-http': { type: 'boolean' },
      today: { type: 'string' },
    },
    strict: true,
  });
  const databaseUrl = values['database-url'] ?? process.env.CALL_COACH_DATABASE_URL;
  if (!databaseUrl) throw new Error('需要 --database-url postgres://…（或环境变量 CALL_COACH_DATABASE_URL）');
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${values.port}`);
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new Error('--tls-cert 和 --tls-key 要一起给出');
  const tls = values['tls-cert'] && values['tls-key'] ? { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']) } : undefined;
  const fixedToday = values.today;
  if (fixedToday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(fixedToday)) throw new Error(`--today 格式应为 YYYY-MM-DD：${fixedToday}`);

  const server = await startTeamServer({
    databaseUrl,
    version: APP_VERSION,
    ...(values.host ? { host: values.host } : {}),
    port,
    ...(tls ? { tls } : {}),
    insecureHttp: Boolean(values['insecure-http']),
    ...(fixedToday ? { today: () => fixedToday } : {}),
    log: (line) => console.error(`[call-coach] ${line}`),
    warn: (line) => console.warn(line),
  });
  console.log(`Team server: ${server.url}`);
  console.log(`  Database: ${server.databaseLocation}`);

  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`团队服务器无法启动：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
