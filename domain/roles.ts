/**
 * Who may do what. Every contract method names the roles that may call it (electron/contract) and dispatch refuses
 * everyone else (FORBIDDEN). In local mode the desk's one user holds every role; team mode's accounts hold some.
 */

export const ROLES = ['steward', 'lead', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { steward: '管家', lead: '组长', admin: '管理员', auditor: '只读' };

/** A team account, as the user directory keeps it (team mode; local mode has none). */
export interface UserRecord {
  id: string;
  name: string;
  roles: Role[];
}

/** Who is making a call: the desk's user, a signed-in account, or the command line. */
export interface Actor {
  id: string;
  /** The name stored beside the id on what the actor writes (a desk may not have signed yet: ''). */
  name: string;
  roles: readonly Role[];
  /** Team mode: the communities the account is assigned. Absent: no limit (local mode, the CLI). */
  communities?: readonly string[];
}

/**
 * Which communities' households an actor sees: null for all of them (local mode, the CLI, a 管理员 who manages
 * every community, a 只读 auditor), otherwise the communities a 管家 or 组长 is assigned.
 */
export function communityScope(actor: Actor): ReadonlySet<string> | null {
  if (!actor.communities || actor.roles.some((role) => role === 'admin' || role === 'auditor')) return null;
  return new Set(actor.communities);
}

/** Whether a community is within a scope (null: every community). */
export const inScope = (scope: ReadonlySet<string> | null, community: string): boolean => scope === null || scope.has(community);

/** What a household outside the actor's communities reads as: the same as one that does not exist. */
export const OUT_OF_SCOPE_MESSAGE = '找不到这一户（或它不在你负责的小区）。';

/** Who may call a method: the roles allowed. */
export type Access = readonly Role[];

/** Reading anything: every role. */
export const ANYONE: Access = ROLES;
/** Working the phones and the queue: the stewards and their lead. */
export const CALLERS: Access = ['steward', 'lead'];
/** Running the team: the library, team settings, imports into the shared ledger. */
export const LEADS: Access = ['lead', 'admin'];
/** Maintaining the data itself (demo data, a data file confirmed gone). */
export const ADMINS: Access = ['admin'];
/** Recording money and maintaining data: stewards record payments, leads and admins too. */
export const BOOKKEEPERS: Access = ['steward', 'lead', 'admin'];

/** In local mode the desk's one user holds every role. */
export const LOCAL_USER_ID = 'local';
/** The command line's actor: maintenance of the data folder. */
export const CLI_ACTOR: Actor = { id: 'cli', name: '命令行', roles: ['admin', 'lead'] };

export const localActor = (name: string): Actor => ({ id: LOCAL_USER_ID, name, roles: ROLES });

export const mayCall = (actor: Actor, access: Access): boolean => actor.roles.some((role) => access.includes(role));

/** The Chinese message of a refused call. */
export function forbiddenMessage(actor: Actor, access: Access): string {
  const held = actor.roles.map((role) => ROLE_LABELS[role]).join('、') || '无角色';
  const needed = access.map((role) => ROLE_LABELS[role]).join('或');
  return `没有权限：这项操作需要${needed}角色（当前账号：${held}）。`;
}
