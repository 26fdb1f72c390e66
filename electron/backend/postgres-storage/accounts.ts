/**
 * Team accounts and their sessions, in the team database. Passwords are scrypt hashes; a session is an opaque
 * random token the client sends as `Authorization: Bearer …`, stored only as its SHA-256, with an expiry, revoked by
 * logging out, by disabling the user or by resetting their password. Repeated failed logins lock the account for a
 * while that doubles with each further failure. Every change to an account writes an audit row in its transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { ApiError } from '../../contract';
import { loginInput, newUserInput, type Account, type LoginResult, type NewUserInput } from '../../contract/accounts';
import type { Actor, Role } from '../../../domain/roles';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { recordChanges } from './change-feed';
import { inTransaction } from './pool';

/** A signed-in user as a call's actor, with the communities they work. */
export interface SessionActor extends Actor {
  readonly username: string;
  readonly communities: readonly string[];
}

export interface AccountsOptions {
  /** How long a session lasts (default: 12 hours, a working day and its evening calls). */
  sessionSeconds?: number;
  /** Failed logins in a row before the account is locked (default 5). */
  freeFailures?: number;
  /** The first lock's length; it doubles with each further failure, up to 15 minutes (default 30 s). */
  firstLockSeconds?: number;
}

const MAX_LOCK_SECONDS = 15 * 60;
const WRONG = '用户名或密码不对。';

const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

interface UserRow {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  communities: string[] | null;
  disabled_at: Date | null;
  created_at: Date;
}

const accountOf = (row: UserRow): Account => ({
  id: row.id,
  username: row.username,
  name: row.name,
  roles: row.roles,
  communities: (row.communities ?? []).filter(Boolean).sort(),
  disabled: row.disabled_at !== null,
  createdAt: row.created_at.toISOString(),
});

const USER_COLUMNS = `u.id, u.username, u.name, u.roles, u.disabled_at, u.created_at,
  (SELECT array_agg(c.community ORDER BY c.community) FROM user_communities c WHERE c.user_id = u.id) AS communities`;

const invalid = (path: string, message: string) => new ApiError({ code: 'VALIDATION', message: `${message}。`, issues: [{ path, message }] });

export async function audit(client: PoolClient, by: Pick<Actor, 'id' | 'name'>, action: string, entity: string, entityId: string, before: unknown, after: unknown): Promise<void> {
  await client.query('INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    by.id,
    by.name,
    action,
    entity,
    entityId,
    before === undefined ? null : JSON.stringify(before),
    after === undefined ? null : JSON.stringify(after),
  ]);
}

export class Accounts {
  private readonly sessionSeconds: number;
  private readonly freeFailures: number;
  private readonly firstLockSeconds: number;
  /** This server's login attempts in progress, per username (see login). */
  private readonly loginQueues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly pool: Pool,
    options: AccountsOptions = {},
  ) {
    this.sessionSeconds = options.sessionSeconds ?? 12 * 3600;
    this.freeFailures = options.freeFailures ?? 5;
    this.firstLockSeconds = options.firstLockSeconds ?? 30;
  }

  async add(input: NewUserInput, by: Actor): Promise<Account> {
    const parsed = newUserInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(issue.path.join('.'), issue.message);
    }
    const user = parsed.data;
    const problem = passwordProblem(user.password);
    if (problem) throw invalid('password', problem);
    const hash = await hashPassword(user.password);
    const id = `user-${randomBytes(6).toString('hex')}`;
    return inTransaction(this.pool, async (client) => {
      const inserted = await client.query('INSERT INTO users (id, username, name, roles, password_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING', [
        id,
        user.username,
        user.name,
        [...new Set(user.roles)],
        hash,
      ]);
      if (inserted.rowCount === 0) throw new ApiError({ code: 'CONFLICT', message: `用户名「${user.username}」已经有人用了。` });
      for (const community of new Set(user.communities)) await client.query('INSERT INTO user_communities (user_id, community) VALUES ($1, $2)', [id, community]);
      const account = await this.byId(client, id);
      await audit(client, by, 'users.add', 'user', id, undefined, account);
      // Every server's user directory (whom a household can be handed to) hears of it.
      await recordChanges(client, [{ store: 'users', key: id }]);
      return account;
    });
  }

  async list(): Promise<Account[]> {
    const { rows } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.username`);
    return rows.map(accountOf);
  }

  /** Disables a user and ends every session of theirs at once. */
  async disable(username: string, by: Actor): Promise<Account> {
    return this.change(username, by, 'users.disable', async (client, id) => {
      await client.query('UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE id = $1', [id]);
      await client.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
    });
  }

  async enable(username: string, by: Actor): Promise<Account> {
    return this.change(username, by, 'users.enable', async (client, id) => {
      await client.query('UPDATE users SET disabled_at = NULL, failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
    });
  }

  /** Sets a new password, ends the user's sessions and lifts a lock from failed logins. */
  async resetPassword(username: string, password: string, by: Actor): Promise<Account> {
    const problem = passwordProblem(password);
    if (problem) throw invalid('password', problem);
    const hash = await hashPassword(password);
    return this.change(username, by, 'users.resetPassword', async (client, id) => {
      await client.query('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE id = $1', [id, hash]);
      await client.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
    });
  }

  /**
   * Checks a username and password and opens a session. Wrong name and wrong password read alike (and take alike
   * long); a locked account is refused without checking the password. Parallel guesses at one username through
   * several servers can each be checked once before the lock is seen (one per server at a time), never more.
   */
  async login(input: { username: string; password: string }): Promise<LoginResult> {
    const parsed = loginInput.safeParse(input);
    if (!parsed.success) throw new ApiError({ code: 'UNAUTHORIZED', message: WRONG });
    const { username, password } = parsed.data;
    // One attempt per username at a time in this server, so parallel guesses take turns and the lock after the free
    // failures holds however many arrive at once. The password is checked outside any transaction: a storm of
    // logins must not hold database connections through hundreds of milliseconds of hashing each.
    const previous = this.loginQueues.get(username) ?? Promise.resolve();
    const attempt = previous.catch(() => {}).then(() => this.attempt(username, password));
    const settled = attempt.catch(() => {});
    this.loginQueues.set(username, settled);
    void settled.then(() => {
      if (this.loginQueues.get(username) === settled) this.loginQueues.delete(username);
    });
    return attempt;
  }

  private async attempt(username: string, password: string): Promise<LoginResult> {
    const { rows } = await this.pool.query<{ id: string; password_hash: string; disabled_at: Date | null; wait_seconds: number | null }>(
      `SELECT id, password_hash, disabled_at, ceil(extract(epoch FROM locked_until - now()))::int AS wait_seconds FROM users WHERE username = $1`,
      [username],
    );
    const user = rows[0];
    if (!user) {
      await verifyPassword(password, await decoyHash());
      throw new ApiError({ code: 'UNAUTHORIZED', message: WRONG });
    }
    if (user.wait_seconds !== null && user.wait_seconds > 0) throw new ApiError({ code: 'UNAUTHORIZED', message: `登录失败次数太多，账号暂时锁定，请 ${user.wait_seconds} 秒后再试。` });
    if (!(await verifyPassword(password, user.password_hash))) {
      // Counted in one statement: failures through other servers add up too.
      await this.pool.query(
        `UPDATE users SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $2
             THEN now() + make_interval(secs => least($4, $3 * power(2, failed_logins + 1 - $2))) ELSE locked_until END
         WHERE id = $1`,
        [user.id, this.freeFailures, this.firstLockSeconds, MAX_LOCK_SECONDS],
      );
      throw new ApiError({ code: 'UNAUTHORIZED', message: WRONG });
    }
    if (user.disabled_at) throw new ApiError({ code: 'UNAUTHORIZED', message: '这个账号已停用，请联系管理员。' });
    const token = randomBytes(32).toString('base64url');
    return inTransaction(this.pool, async (client) => {
      // Disabled or reset meanwhile (the row lock orders this against disable and reset-password): no session.
      const still = await client.query('SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL AND password_hash = $2 FOR UPDATE', [user.id, user.password_hash]);
      if (still.rowCount === 0) throw new ApiError({ code: 'UNAUTHORIZED', message: '账号刚被停用或改了密码，请重新登录。' });
      const opened = await client.query<{ expires_at: Date }>(
        `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING expires_at`,
        [tokenHash(token), user.id, this.sessionSeconds],
      );
      await client.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
      const account = await this.byId(client, user.id);
      await audit(client, account, 'auth.login', 'user', user.id, undefined, undefined);
      return { token, expiresAt: opened.rows[0]!.expires_at.toISOString(), user: account };
    });
  }

  /** The signed-in user behind a token, or null (unknown, expired, revoked, or the user disabled). */
  async actorOf(token: string): Promise<SessionActor | null> {
    if (!token || token.length > 200) return null;
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) return null;
    const account = accountOf(row);
    return { id: account.id, name: account.name, username: account.username, roles: account.roles, communities: account.communities };
  }

  /** Ends a session; logging out twice, or with an unknown token, is not an error. */
  async logout(token: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash(token)]);
  }

  private async byId(client: PoolClient, id: string): Promise<Account> {
    const { rows } = await client.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return accountOf(rows[0]!);
  }

  /** A change to one user, by username, inside a transaction holding the user's row; audited before and after. */
  private change(username: string, by: Actor, action: string, work: (client: PoolClient, id: string) => Promise<void>): Promise<Account> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM users WHERE username = $1 FOR UPDATE', [username.trim().toLowerCase()]);
      const id = rows[0]?.id;
      if (!id) throw new ApiError({ code: 'NOT_FOUND', message: `没有用户名为「${username}」的账号。` });
      const before = await this.byId(client, id);
      await work(client, id);
      const after = await this.byId(client, id);
      await audit(client, by, action, 'user', id, before, after);
      await recordChanges(client, [{ store: 'users', key: id }]);
      return after;
    });
  }
}
