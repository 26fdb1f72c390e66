/**
 * Who may talk to the loopback server: only this machine (bound to 127.0.0.1), only under our own
 * Host name (defeats DNS rebinding), only from our own Origin (defeats cross-site requests), and only
 * with the per-launch token (defeats other local users and pages).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER, type ApiErrorBody } from '../contract';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host check, for every request (static files included). */
export function checkHost(request: IncomingMessage, port: number): ApiErrorBody | null {
  const host = headerOf(request, 'host')?.toLowerCase();
  if (host && allowedHosts(port).includes(host)) return null;
  return { code: 'FORBIDDEN', message: '拒绝访问：请求的主机名不是本机地址。' };
}

/** Origin, fetch-site and token checks, for API calls. */
export function checkApiCaller(request: IncomingMessage, port: number, token: string): ApiErrorBody | null {
  const origin = headerOf(request, 'origin');
  if (origin !== undefined && !allowedOrigins(port).includes(origin.toLowerCase())) {
    return { code: 'FORBIDDEN', message: '拒绝访问：请求来自其他网站。' };
  }
  const fetchSite = headerOf(request, 'sec-fetch-site');
  if (fetchSite !== undefined && !['same-origin', 'none'].includes(fetchSite)) {
    return { code: 'FORBIDDEN', message: '拒绝访问：请求来自其他网站。' };
  }
  if (!tokensMatch(token, headerOf(request, TOKEN_HEADER))) {
    return { code: 'UNAUTHORIZED', message: '访问令牌缺失或不正确：请使用启动时打印的完整地址打开本程序。' };
  }
  return null;
}

/**
 * The body's media type must be exactly `application/json`, with at most a UTF-8 charset: a prefix test would let
 * `application/jsonp` or `application/json-whatever` through.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  const given = params.filter((param) => param !== '');
  return given.length <= 1 && given.every((param) => param === 'charset=utf-8' || param === 'charset="utf-8"');
}
