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
}

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
