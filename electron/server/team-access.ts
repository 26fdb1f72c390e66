/**
 * A team server's access policy: every API call but signing in carries `Authorization: Bearer <session token>` and
 * acts as that session's user (401 without a valid one: unknown, expired, logged out, or the user disabled). The
 * token never travels in a URL. Signing in and out are answered here, not by dispatch (they have no actor yet).
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, type ApiErrorBody, type Envelope } from '../contract';
import type { Accounts } from '../backend/postgres-storage';
import type { AccessPolicy } from './web-server';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

export function bearerTokenOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  return BEARER.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))?.[1] ?? null;
}

const signInFirst: ApiErrorBody = { code: 'UNAUTHORIZED', message: '请先登录团队服务器。' };
const sessionGone: ApiErrorBody = { code: 'UNAUTHORIZED', message: '登录已过期或已退出（也可能账号被停用），请重新登录。' };

async function answer<T>(work: () => Promise<T>): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    throw error;
  }
}

export function teamAccess(accounts: Accounts): AccessPolicy {
  return {
    // Sessions travel in a header a browser never adds by itself: another site's page or a rebound DNS name gets
    // nothing without the token, so any Host may reach the server it was configured to listen on.
    checkHost: () => null,
    async authenticate(request) {
      const token = bearerTokenOf(request);
      if (!token) return signInFirst;
      return (await accounts.actorOf(token)) ?? sessionGone;
    },
    ownMethods: {
      'auth.login': (input) => answer(() => accounts.login((input ?? {}) as { username: string; password: string })),
      'auth.logout': (_input, request) =>
        answer(async () => {
          const token = bearerTokenOf(request);
          if (token) await accounts.logout(token);
          return { loggedOut: true };
        }),
    },
  };
}
