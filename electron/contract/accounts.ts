/** Contract for team accounts: signing in, and the users a 管理员 manages (team mode only). */
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/roles';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, '用户名是 2–40 个字母、数字或 . _ -，以字母或数字开头');

/** The password as typed: never trimmed (a space may be part of it). */
const passwordInput = z.string().min(1, '请输入密码').max(200, '密码不超过 200 个字符');

export const loginInput = z.object({ username: usernameSchema, password: passwordInput }).strict();

export const newUserInput = z
  .object({
    username: usernameSchema,
    name: z.string().trim().min(1, '姓名不能为空').max(20, '姓名不超过 20 个字'),
    roles: z.array(z.enum(ROLES as unknown as [Role, ...Role[]])).min(1, '至少要有一个角色').max(ROLES.length),
    communities: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
    password: passwordInput,
  })
  .strict();
export type NewUserInput = z.input<typeof newUserInput>;

/** A team account as the directory shows it (never its password hash). */
export interface Account {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  communities: string[];
  disabled: boolean;
  createdAt: string;
}

/** What signing in gives: the token to send as `Authorization: Bearer …`, until `expiresAt`. */
export interface LoginResult {
  token: string;
  expiresAt: string;
  user: Account;
}
