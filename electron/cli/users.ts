/**
 * `npm run cli -- users …`: the team's accounts, straight in the team database (the first 管理员 has to come from
 * somewhere: there is no default account). Passwords are read from standard input, never from the command line.
 */
import os from 'node:os';
import { ROLE_LABELS, ROLES, type Actor, type Role } from '../../domain/roles';
import { openTeamDatabase, type TeamDatabase } from '../backend/postgres-storage';
import type { Account } from '../contract/accounts';

export interface UsersOptions {
  databaseUrl: string;
  username?: string;
  name?: string;
  roles: string[];
  communities: string[];
  passwordStdin: boolean;
  json: boolean;
  say(line: string): void;
  /** Standard input, whole (the password). */
  readStdin(): Promise<string>;
}

export class UsersUsageError extends Error {}

/** Who the audit log says did it: the command line, run by this OS user. */
const cliActor = (): Actor => ({ id: 'cli', name: `命令行（${os.userInfo().username}）`.slice(0, 20), roles: ['admin'] });

const describe = (account: Account) =>
  `${account.username.padEnd(16)} ${account.name.padEnd(8)} ${account.roles.map((role) => ROLE_LABELS[role]).join('、').padEnd(8)} ${account.communities.join('、') || '（未分配小区）'}${account.disabled ? '  已停用' : ''}`;

async function passwordOf(options: UsersOptions): Promise<string> {
  if (!options.passwordStdin) throw new UsersUsageError('请用 --password-stdin 从标准输入给出密码（不要写在命令行里）');
  const text = await options.readStdin();
  return text.replace(/\r?\n$/, '');
}

function rolesOf(values: readonly string[]): Role[] {
  if (values.length === 0) throw new UsersUsageError(`users add 需要 --role（${ROLES.join('|')}）`);
  for (const role of values) if (!(ROLES as readonly string[]).includes(role)) throw new UsersUsageError(`不认识的角色「${role}」：只能是 ${ROLES.join('、')}`);
  return values as Role[];
}

const needUsername = (options: UsersOptions): string => {
  if (!options.username) throw new UsersUsageError('需要 --username');
  return options.username;
};

export async function usersCommand(sub: string | undefined, options: UsersOptions): Promise<number> {
  if (!options.databaseUrl) throw new UsersUsageError('users 命令需要 --database-url postgres://…（或环境变量 CALL_COACH_DATABASE_URL）');
  const run = async (work: (db: TeamDatabase) => Promise<number>) => {
    const db = await openTeamDatabase(options.databaseUrl, { max: 2, applicationName: 'call-coach-cli' });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };
  switch (sub) {
    case 'add': {
      const username = needUsername(options);
      if (!options.name) throw new UsersUsageError('users add 需要 --name 姓名');
      const roles = rolesOf(options.roles);
      const password = await passwordOf(options);
      return run(async (db) => {
        const account = await db.accounts.add({ username, name: options.name!, roles, communities: options.communities, password }, cliActor());
        options.say(`已添加账号：${describe(account)}`);
        return 0;
      });
    }
    case 'list':
      return run(async (db) => {
        const accounts = await db.accounts.list();
        if (options.json) process.stdout.write(`${JSON.stringify(accounts)}\n`);
        else if (accounts.length === 0) options.say('还没有账号。先添加一个管理员：npm run cli -- users add --username admin --name 姓名 --role admin --password-stdin');
        else for (const account of accounts) options.say(describe(account));
        return 0;
      });
    case 'disable':
      return run(async (db) => {
        const account = await db.accounts.disable(needUsername(options), cliActor());
        options.say(`已停用 ${account.username}（${account.name}），已登录的会话全部失效。`);
        return 0;
      });
    case 'enable':
      return run(async (db) => {
        const account = await db.accounts.enable(needUsername(options), cliActor());
        options.say(`已启用 ${account.username}（${account.name}）。`);
        return 0;
      });
    case 'reset-password': {
      const username = needUsername(options);
      const password = await passwordOf(options);
      return run(async (db) => {
        const account = await db.accounts.resetPassword(username, password, cliActor());
        options.say(`已重设 ${account.username} 的密码，原来的会话全部失效。`);
        return 0;
      });
    }
    default:
      throw new UsersUsageError(`users 的子命令是 add、list、disable、enable、reset-password（不是「${sub ?? ''}」）`);
  }
}
