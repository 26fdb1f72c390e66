/**
 * A team server: the backend on the team's PostgreSQL database behind the web server, with sessions for access.
 * team-main.ts runs it from the command line; tests start it in-process.
 */
import path from 'node:path';
import { createTeamBackend } from '../backend';
import type { IsoDate } from '../../domain/dates';
import { teamAccess } from './team-access';
import { startWebServer, type WebServer, type WebServerLimits } from './web-server';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface TeamServerOptions {
  databaseUrl: string;
  version: string;
  host?: string;
  /** 0 picks a free port. */
  port: number;
  tls?: { cert: Buffer; key: Buffer };
  /** Plain HTTP on an address other than loopback (behind a TLS proxy, say): allowed with a warning. */
  insecureHttp?: boolean;
  today?: () => IsoDate;
  /** The built renderer (default: beside the bundle, dist/renderer). */
  staticDir?: string;
  limits?: Partial<WebServerLimits>;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface TeamServer {
  web: WebServer;
  url: string;
  databaseLocation: string;
  close(): Promise<void>;
}

/** Why the server must not start as asked (plain HTTP off loopback without --insecure-http), or null. */
export function transportProblem(host: string, tls: boolean, insecureHttp: boolean): string | null {
  if (LOOPBACK.has(host) || tls || insecureHttp) return null;
  return `在 ${host} 上提供服务需要 TLS（--tls-cert 和 --tls-key）：密码和会话令牌不能明文经过网络。确实要明文 HTTP（例如前面有负责 HTTPS 的反向代理）请加 --insecure-http`;
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const host = options.host ?? '127.0.0.1';
  const problem = transportProblem(host, Boolean(options.tls), Boolean(options.insecureHttp));
  if (problem) throw new Error(problem);
  if (!LOOPBACK.has(host) && !options.tls) options.warn?.(`警告：团队服务器在 ${host} 上以明文 HTTP 提供服务（--insecure-http）：同一网络里的人可以看到密码和会话令牌。`);
  const backend = await createTeamBackend({ databaseUrl: options.databaseUrl, version: options.version, ...(options.today ? { today: options.today } : {}), ...(options.log ? { log: options.log } : {}) });
  try {
    const web = await startWebServer({
      dispatch: backend.dispatch,
      actor: () => {
        throw new Error('a team server has no desk user');
      },
      access: teamAccess(backend.db.accounts),
      staticDir: options.staticDir ?? path.resolve(__dirname, '../renderer'),
      host,
      port: options.port,
      ...(options.tls ? { tls: options.tls } : {}),
      // Many stewards share one server: room for their connections.
      limits: { idleSocketLimit: 1024, pressureSocketLimit: 2048, maxConnections: 4096, ...options.limits },
      ...(options.log ? { log: options.log } : {}),
    });
    return {
      web,
      url: web.url,
      databaseLocation: backend.db.location,
      close: async () => {
        await web.close();
        backend.close();
      },
    };
  } catch (error) {
    backend.close();
    throw error;
  }
}
