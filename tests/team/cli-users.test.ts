/** `npm run cli -- users …` against the team database, run as an administrator would: the built CLI in a child process. */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTeamDatabase } from '../../electron/backend/postgres-storage';
import { freshDatabase } from './support/databases';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/electron/cli.cjs');

beforeAll(() => {
  if (process.env.CALL_COACH_SKIP_BUILD !== '1') execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--electron-only'], { stdio: 'ignore' });
});

const run = (url: string, args: string[], input = '') => spawnSync(process.execPath, [cli, '--database-url', url, 'users', ...args], { encoding: 'utf8', input });

describe('cli users', () => {
  it('adds the first admin with the password from stdin, lists, disables, and never prints the password or the URL\'s secret', async () => {
    const url = await freshDatabase();
    const empty = run(url, ['list']);
    expect(empty.status).toBe(0);
    expect(empty.stderr).toContain('还没有账号');

    const added = run(url, ['add', '--username', 'admin', '--name', '王主管', '--role', 'admin', '--password-stdin'], 'a long admin secret\n');
    expect(added.status, added.stderr).toBe(0);
    expect(added.stderr).toContain('已添加账号');
    const steward = run(url, ['add', '--username', 'zhang', '--name', '张三', '--role', 'steward', '--community', '观山水', '--community', '翠湖湾', '--password-stdin'], 'steward secret 1\n');
    expect(steward.status, steward.stderr).toBe(0);

    const listed = run(url, ['list', '--json']);
    const accounts = JSON.parse(listed.stdout);
    expect(accounts).toEqual([
      expect.objectContaining({ username: 'admin', name: '王主管', roles: ['admin'], disabled: false }),
      expect.objectContaining({ username: 'zhang', roles: ['steward'], communities: ['翠湖湾', '观山水'] }),
    ]);
    for (const output of [added, steward, listed]) {
      expect(output.stdout + output.stderr).not.toContain('secret');
      expect(output.stdout + output.stderr).not.toContain(new URL(url).password);
    }

    // The password from stdin (its trailing newline dropped) signs in.
    const db = await openTeamDatabase(url);
    try {
      const session = await db.accounts.login({ username: 'zhang', password: 'steward secret 1' });
      expect(run(url, ['disable', '--username', 'zhang']).status).toBe(0);
      expect(await db.accounts.actorOf(session.token)).toBeNull();
      const { rows } = await db.pool.query("SELECT action, actor_name FROM audit_log WHERE action LIKE 'users.%' ORDER BY id");
      expect(rows.map((row) => row.action)).toEqual(['users.add', 'users.add', 'users.disable']);
      expect(rows[0].actor_name).toMatch(/^命令行/);
    } finally {
      await db.close();
    }
  });

  it('refuses a password on the command line, an unknown role and a missing database URL, with usage exit code 2', async () => {
    const url = await freshDatabase();
    const noStdin = run(url, ['add', '--username', 'li', '--name', '李四', '--role', 'lead']);
    expect(noStdin.status).toBe(2);
    expect(noStdin.stderr).toContain('--password-stdin');
    const badRole = run(url, ['add', '--username', 'li', '--name', '李四', '--role', 'boss', '--password-stdin'], 'whatever secret\n');
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('不认识的角色「boss」');
    const noUrl = spawnSync(process.execPath, [cli, 'users', 'list'], { encoding: 'utf8', env: { ...process.env, CALL_COACH_DATABASE_URL: '' } });
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toContain('--database-url');
    const weak = run(url, ['add', '--username', 'li', '--name', '李四', '--role', 'lead', '--password-stdin'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('密码至少 10 个字符');
    const unknown = run(url, ['disable', '--username', 'ghost']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('没有用户名为「ghost」的账号');
  });

  it('says plainly when the database cannot be reached', () => {
    const result = run('postgres://nobody:pw@127.0.0.1:1/none', ['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/错误: .*(ECONNREFUSED|连接)/);
    expect(result.stderr).not.toContain(':pw@');
  });
});
