/** Team accounts on a real PostgreSQL: hashed passwords, revocable sessions, the lock after repeated failures, audit rows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTeamDatabase, type TeamDatabase } from '../../electron/backend/postgres-storage';
import { migrate } from '../../electron/backend/postgres-storage/migrator';
import { createPool } from '../../electron/backend/postgres-storage/pool';
import type { Actor } from '../../domain/roles';
import { freshDatabase } from './support/databases';

const ADMIN: Actor = { id: 'cli', name: '命令行', roles: ['admin'] };
const PASSWORD = 'correct horse battery';

let db: TeamDatabase;
beforeAll(async () => {
  db = await openTeamDatabase(await freshDatabase(), { accounts: { freeFailures: 3, firstLockSeconds: 60 } });
});
afterAll(() => db.close());

const addUser = (username: string, extra: Partial<Parameters<TeamDatabase['accounts']['add']>[0]> = {}) =>
  db.accounts.add({ username, name: '张三', roles: ['steward'], communities: ['观山水'], password: PASSWORD, ...extra }, ADMIN);

describe('the schema migrator', () => {
  it('applies each migration once, and two servers starting together take turns', async () => {
    const url = await freshDatabase();
    const pools = [createPool(url), createPool(url)];
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(results.map((result) => result.applied.length).sort()).toEqual([0, results[0]!.applied.length + results[1]!.applied.length].sort());
      expect(results.flatMap((result) => result.applied)).toContain('001-accounts');
      expect((await migrate(pools[0]!)).applied).toEqual([]);
      const { rows } = await pools[0]!.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('refuses a database that a newer version migrated', async () => {
    const pool = createPool(await freshDatabase());
    try {
      await migrate(pool);
      await pool.query("INSERT INTO schema_migrations (id) VALUES ('999-future')");
      await expect(migrate(pool)).rejects.toThrow(/比这个版本新.*999-future/);
    } finally {
      await pool.end();
    }
  });
});

describe('accounts and sessions', () => {
  it('stores a scrypt hash, never the password, and signs in to an opaque session that names the user', async () => {
    const account = await addUser('zhangsan');
    expect(account).toMatchObject({ username: 'zhangsan', name: '张三', roles: ['steward'], communities: ['观山水'], disabled: false });
    const { rows } = await db.pool.query('SELECT password_hash FROM users WHERE id = $1', [account.id]);
    expect(rows[0].password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(rows[0].password_hash).not.toContain(PASSWORD);

    const session = await db.accounts.login({ username: 'ZhangSan', password: PASSWORD });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.pool.query('SELECT token_hash FROM sessions WHERE user_id = $1', [account.id]);
    expect(stored.rows[0].token_hash.toString('hex')).not.toContain(Buffer.from(session.token).toString('hex'));
    expect(await db.accounts.actorOf(session.token)).toMatchObject({ id: account.id, name: '张三', roles: ['steward'], communities: ['观山水'] });
    expect(await db.accounts.actorOf(`${session.token}x`)).toBeNull();
  });

  it('refuses a duplicate username, a short password and an unknown role with Chinese messages', async () => {
    await addUser('lisi');
    await expect(addUser('LISI')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已经有人用了') });
    await expect(addUser('wangwu', { password: 'short' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('至少 10 个字符') });
    await expect(addUser('wangwu', { roles: ['boss' as never] })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await db.accounts.list()).map((account) => account.username)).not.toContain('wangwu');
  });

  it('answers a wrong password and an unknown user alike, and logging out revokes the session', async () => {
    await addUser('zhaoliu');
    const wrong = await db.accounts.login({ username: 'zhaoliu', password: 'not the password' }).catch((error: unknown) => error);
    const unknown = await db.accounts.login({ username: 'nobody', password: PASSWORD }).catch((error: unknown) => error);
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', message: '用户名或密码不对。' });
    expect(unknown).toMatchObject({ code: 'UNAUTHORIZED', message: '用户名或密码不对。' });
    const session = await db.accounts.login({ username: 'zhaoliu', password: PASSWORD });
    await db.accounts.logout(session.token);
    expect(await db.accounts.actorOf(session.token)).toBeNull();
    await db.accounts.logout(session.token); // twice: no error
  });

  it('ends every session of a disabled user at once, and a password reset ends them too', async () => {
    await addUser('sunqi');
    const [a, b] = await Promise.all([db.accounts.login({ username: 'sunqi', password: PASSWORD }), db.accounts.login({ username: 'sunqi', password: PASSWORD })]);
    await db.accounts.resetPassword('sunqi', 'a brand new secret', ADMIN);
    expect(await db.accounts.actorOf(a.token)).toBeNull();
    expect(await db.accounts.actorOf(b.token)).toBeNull();
    await expect(db.accounts.login({ username: 'sunqi', password: PASSWORD })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const c = await db.accounts.login({ username: 'sunqi', password: 'a brand new secret' });
    await db.accounts.disable('sunqi', ADMIN);
    expect(await db.accounts.actorOf(c.token)).toBeNull();
    await expect(db.accounts.login({ username: 'sunqi', password: 'a brand new secret' })).rejects.toMatchObject({ message: expect.stringContaining('已停用') });
  });

  it('lets an expired session go', async () => {
    await addUser('zhouba');
    const session = await db.accounts.login({ username: 'zhouba', password: PASSWORD });
    await db.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE username = 'zhouba')");
    expect(await db.accounts.actorOf(session.token)).toBeNull();
  });

  it('locks the account after repeated failures, however many guesses arrive at once, and the right password waits too', async () => {
    await addUser('wujiu');
    const guesses = await Promise.all(Array.from({ length: 6 }, (_, n) => db.accounts.login({ username: 'wujiu', password: `guess number ${n}` }).then(() => '登录成功', (error: Error) => error.message)));
    // Three free failures (this database's setting), then the lock: the later guesses are not even checked.
    expect(guesses.filter((message) => message === '用户名或密码不对。')).toHaveLength(3);
    expect(guesses.filter((message) => message.includes('账号暂时锁定'))).toHaveLength(3);
    await expect(db.accounts.login({ username: 'wujiu', password: PASSWORD })).rejects.toMatchObject({ message: expect.stringMatching(/请 \d+ 秒后再试/) });
    // An admin's reset lifts the lock.
    await db.accounts.resetPassword('wujiu', 'another good secret', ADMIN);
    expect((await db.accounts.login({ username: 'wujiu', password: 'another good secret' })).user.username).toBe('wujiu');
  });

  it('writes an audit row for each change to an account, with who did it and the before and after', async () => {
    const account = await addUser('zhengshi');
    await db.accounts.disable('zhengshi', ADMIN);
    const { rows } = await db.pool.query('SELECT actor_name, action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id', [account.id]);
    expect(rows.map((row) => row.action)).toEqual(['users.add', 'users.disable']);
    expect(rows[1]).toMatchObject({ actor_name: '命令行', before: { disabled: false }, after: { disabled: true } });
    expect(JSON.stringify(rows)).not.toContain('scrypt');
  });
});

describe('the pool\'s type mapping', () => {
  it('reads bigint fen as a number (never rounded) and a date as its day', async () => {
    const { rows } = await db.pool.query("SELECT 123456789012::bigint AS fen, DATE '2026-11-26' AS day");
    expect(rows[0]).toEqual({ fen: 123456789012, day: '2026-11-26' });
    await expect(db.pool.query('SELECT 9007199254740993::bigint AS fen')).rejects.toThrow(/超出了安全范围/);
  });
});
