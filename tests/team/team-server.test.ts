/**
 * The team server over HTTP, as a client sees it: 401 without a session, signing in and out, roles per method
 * (FORBIDDEN), a disabled user cut off at once, two servers on one database, and the transport rules (loopback by
 * default, TLS or an explicit --insecure-http elsewhere).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTeamDatabase, type TeamDatabase } from '../../electron/backend/postgres-storage';
import { startTeamServer, type TeamServer } from '../../electron/server/team-server';
import type { Actor } from '../../domain/roles';
import { tempDir } from '../helpers/fs';
import { freshDatabase } from './support/databases';

const ADMIN: Actor = { id: 'cli', name: '命令行', roles: ['admin'] };
const PASSWORD = 'team server secret';

let url: string;
let db: TeamDatabase;
const servers: TeamServer[] = [];

const start = async (extra: Partial<Parameters<typeof startTeamServer>[0]> = {}) => {
  const server = await startTeamServer({ databaseUrl: url, version: 'test', port: 0, today: () => '2026-11-26', staticDir: tempDir(), ...extra });
  servers.push(server);
  return server;
};

beforeAll(async () => {
  url = await freshDatabase();
  db = await openTeamDatabase(url);
  await db.accounts.add({ username: 'zhang', name: '张三', roles: ['steward'], communities: ['观山水'], password: PASSWORD }, ADMIN);
  await db.accounts.add({ username: 'lead', name: '李组长', roles: ['lead'], communities: ['观山水'], password: PASSWORD }, ADMIN);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await db.close();
});

async function post(server: TeamServer, method: string, body: unknown, token?: string) {
  const response = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  // The answer's value is whatever the method returns over the wire; each test reads the fields it checks.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } } };
}

const login = async (server: TeamServer, username: string) => {
  const answer = await post(server, 'auth.login', { username, password: PASSWORD });
  expect(answer.status).toBe(200);
  return answer.body.value.token as string;
};

describe('the team server', () => {
  it('answers 401 without a session, signs in, acts as the signed-in user, and signing out ends it', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const anonymous = await post(server, 'app.status', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('请先登录') });
    expect((await post(server, 'app.status', {}, 'x'.repeat(43))).status).toBe(401);
    const wrong = await post(server, 'auth.login', { username: 'zhang', password: 'not it at all' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { message: '用户名或密码不对。' } } });

    const token = await login(server, 'zhang');
    const status = await post(server, 'app.status', {}, token);
    expect(status.status).toBe(200);
    expect(status.body.value).toMatchObject({ mode: 'team', user: { name: '张三', roles: ['steward'] } });
    expect(status.body.value.dataDir).not.toContain('@'); // the database, never its password

    expect((await post(server, 'auth.logout', {}, token)).status).toBe(200);
    expect((await post(server, 'app.status', {}, token)).status).toBe(401);
  });

  it('refuses a method the role may not call (FORBIDDEN), and a lead may', async () => {
    const server = await start();
    const steward = await login(server, 'zhang');
    const lead = await login(server, 'lead');
    const settings = (await post(server, 'teamSettings.get', {}, steward)).body.value;
    const refused = await post(server, 'teamSettings.update', { ...settings, graceDays: 2 }, steward);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('没有权限');
    const saved = await post(server, 'teamSettings.update', { ...settings, graceDays: 2 }, lead);
    expect(saved.status).toBe(200);
    expect(saved.body.value.graceDays).toBe(2);
  });

  it('hands a household to the team\'s accounts (转给 by user id), not a roster of names', async () => {
    const server = await start();
    const lead = await login(server, 'lead');
    const deadline = Date.now() + 30_000;
    let assignable: { id: string; name: string }[] = [];
    // The directory follows the change feed: an account added a moment ago is there within a notification.
    while (!assignable.some((member) => member.name === '张三')) {
      if (Date.now() > deadline) throw new Error('the account never reached the directory');
      assignable = (await post(server, 'followups.assignees', {}, lead)).body.value.assignable;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(assignable[0]).toMatchObject({ name: '李组长' });
    const zhang = assignable.find((member) => member.name === '张三')!;
    expect(zhang.id).toMatch(/^user-/);
  });

  it('cuts a disabled user off at once, on every server', async () => {
    const [a, b] = [await start(), await start()];
    await db.accounts.add({ username: 'temp', name: '临时工', roles: ['steward'], password: PASSWORD }, ADMIN);
    const token = await login(a, 'temp');
    expect((await post(b, 'app.status', {}, token)).status).toBe(200);
    await db.accounts.disable('temp', ADMIN);
    expect((await post(a, 'app.status', {}, token)).status).toBe(401);
    expect((await post(b, 'app.status', {}, token)).status).toBe(401);
  });

  it('serves the same truth from two servers: a lead\'s change through one is read through the other', async () => {
    const [a, b] = [await start(), await start()];
    const lead = await login(a, 'lead');
    const settings = (await post(a, 'teamSettings.get', {}, lead)).body.value;
    await post(a, 'teamSettings.update', { ...settings, paymentAccount: '工商银行 6222 0000 1111 2222' }, lead);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const seen = (await post(b, 'teamSettings.get', {}, lead)).body.value.paymentAccount;
      if (seen === '工商银行 6222 0000 1111 2222') break;
      if (Date.now() > deadline) throw new Error('server b never saw the change');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('shows a steward only the households of their communities: lists, search, the queue, a record, a payment', async () => {
    const server = await start();
    await db.accounts.add({ username: 'admin', name: '王主管', roles: ['admin'], password: PASSWORD }, ADMIN);
    await db.accounts.add({ username: 'cuihu', name: '赵管家', roles: ['steward'], communities: ['翠湖湾'], password: PASSWORD }, ADMIN);
    await db.accounts.add({ username: 'audit', name: '审计', roles: ['auditor'], password: PASSWORD }, ADMIN);
    const admin = await login(server, 'admin');
    expect((await post(server, 'ledger.seedDemo', { households: 60, seed: 7 }, admin)).status).toBe(200);
    const steward = await login(server, 'cuihu');
    const auditor = await login(server, 'audit');

    const all = (await post(server, 'households.list', { owingOnly: false, limit: 500 }, auditor)).body.value;
    const communities = new Set<string>(all.rows.map((row: { community: string }) => row.community));
    expect(communities.size).toBeGreaterThan(1);
    const mine = (await post(server, 'households.list', { owingOnly: false, limit: 500 }, steward)).body.value;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    expect(new Set(mine.rows.map((row: { community: string }) => row.community))).toEqual(new Set(['翠湖湾']));
    const facets = (await post(server, 'households.facets', {}, steward)).body.value;
    expect(facets.communities.map((c: { name: string }) => c.name)).toEqual(['翠湖湾']);

    const other = all.rows.find((row: { community: string }) => row.community !== '翠湖湾');
    const refused = await post(server, 'households.get', { id: other.id }, steward);
    expect(refused.status).toBe(404);
    expect(refused.body.error?.message).toContain('不在你负责的小区');
    expect((await post(server, 'households.get', { id: other.id }, auditor)).status).toBe(200);
    const payment = await post(server, 'payments.record', { householdId: other.id, amountFen: 100, paidOn: '2026-11-26', channel: '微信', note: '' }, steward);
    expect(payment.status).toBe(404);
    const hits = (await post(server, 'households.search', { query: other.ownerName.slice(0, 1), limit: 50 }, steward)).body.value.hits;
    expect(hits.every((hit: { community: string }) => hit.community === '翠湖湾')).toBe(true);
    const queue = (await post(server, 'followups.today', { limit: 500 }, steward)).body.value;
    expect(queue.rows.every((row: { community: string }) => row.community === '翠湖湾')).toBe(true);
    expect(queue.communities).toEqual(queue.rows.length ? ['翠湖湾'] : []);
  });

  it('claims a household for the steward on the call: another steward is told who, the queue shows it, ending the call frees it', async () => {
    const [a, b] = [await start(), await start()];
    await db.accounts.add({ username: 'jin1', name: '钱一', roles: ['steward'], communities: ['锦绣华庭'], password: PASSWORD }, ADMIN);
    await db.accounts.add({ username: 'jin2', name: '孙二', roles: ['steward'], communities: ['锦绣华庭'], password: PASSWORD }, ADMIN);
    const [one, two] = [await login(a, 'jin1'), await login(b, 'jin2')];
    const queue = (await post(a, 'followups.today', { limit: 500 }, one)).body.value;
    const row = queue.rows.find((candidate: { callable: boolean }) => candidate.callable);
    expect(row).toBeDefined();
    expect((await post(a, 'calls.start', { householdId: row.householdId, purpose: 'collection' }, one)).status).toBe(200);
    const refused = await post(b, 'calls.start', { householdId: row.householdId, purpose: 'collection' }, two);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'CLAIMED', message: expect.stringContaining('正在由 钱一 通话') } } });
    const seen = async () => (await post(b, 'followups.today', { limit: 500 }, two)).body.value.rows.find((candidate: { householdId: string }) => candidate.householdId === row.householdId);
    expect((await seen()).claimedBy).toBe('钱一');
    expect((await post(a, 'calls.clearDraft', {}, one)).status).toBe(200);
    const deadline = Date.now() + 30_000;
    while ((await seen()).claimedBy) {
      if (Date.now() > deadline) throw new Error('the claim never went');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await post(b, 'calls.start', { householdId: row.householdId, purpose: 'collection' }, two)).status).toBe(200);
    await post(b, 'calls.clearDraft', {}, two);
  });

  it('下一户 under a race through two servers: 40 stewards pressing at once never get the same household', async () => {
    // A database of its own, seeded here: the test stands alone.
    const own = await freshDatabase();
    const ownDb = await openTeamDatabase(own);
    const [a, b] = [await start({ databaseUrl: own }), await start({ databaseUrl: own })];
    await ownDb.accounts.add({ username: 'admin', name: '王主管', roles: ['admin'], password: PASSWORD }, ADMIN);
    expect((await post(a, 'ledger.seedDemo', { households: 120, seed: 11 }, await login(a, 'admin'))).status).toBe(200);
    const tokens = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        await ownDb.accounts.add({ username: `racer${n}`, name: `管家${n}`, roles: ['steward'], communities: ['翠湖湾', '锦绣华庭', '观澜苑'], password: PASSWORD }, ADMIN);
        return login(n % 2 ? a : b, `racer${n}`);
      }),
    );
    const answers = await Promise.all(tokens.map((token, n) => post(n % 2 ? a : b, 'followups.next', {}, token)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const households = answers.map((answer) => answer.body.value.row?.householdId).filter(Boolean);
    expect(households.length).toBeGreaterThan(0);
    expect(new Set(households).size).toBe(households.length);
    const { rows } = await ownDb.pool.query("SELECT household_id, user_id FROM claims WHERE expires_at > now() AND user_name LIKE '管家%'");
    expect(rows).toHaveLength(households.length);
    await ownDb.close();
  });

  it('binds loopback by default; another address needs TLS or --insecure-http (which warns)', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/需要 TLS/);
    const warnings: string[] = [];
    const open = await start({ host: '0.0.0.0', insecureHttp: true, warn: (line) => warnings.push(line) });
    expect(warnings.join()).toContain('明文 HTTP');
    expect(open.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
  });

  it('serves HTTPS with a certificate and key', async () => {
    const dir = tempDir();
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const server = await start({ host: '0.0.0.0', tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    expect(server.url).toMatch(/^https:\/\//);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest(
        { host: '127.0.0.1', port: server.web.port, path: '/api/app.status', method: 'POST', ca: readFileSync(cert), headers: { 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(401);
  });
});
