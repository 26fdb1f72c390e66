/**
 * Browser mode's transport: `POST /api/<method>` on 127.0.0.1, plus the built renderer as static files.
 * Development, end-to-end tests, and machines where Electron cannot be installed use it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../contract/content-security-policy';
import { httpStatusOf, type ApiErrorBody, type Envelope } from '../contract';
import type { Dispatch } from '../backend/dispatch';
import { checkApiCaller, checkHost } from './request-guard';
import { readStaticFile } from '../backend/renderer-assets';

// Imports arrive as base64 in the JSON body: room for a ~150 MB ledger file.
const MAX_BODY_BYTES = 200 * 1024 * 1024;
const API_PREFIX = '/api/';

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer); without it only the API is served. */
  staticDir?: string;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to a fresh random token. */
  token?: string;
}

export interface WebServer {
  server: Server;
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function sendJson(response: ServerResponse, status: number, body: Envelope<unknown>): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, error: ApiErrorBody): void {
  sendJson(response, httpStatusOf[error.code], { ok: false, error });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, options: WebServerOptions & { port: number; token: string }) {
  const refused = checkApiCaller(request, options.port, options.token);
  if (refused) return sendError(response, refused);
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return sendError(response, { code: 'NOT_FOUND', message: '接口只接受 POST 请求。' });
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(response, { code: 'VALIDATION', message: '请求内容必须是 JSON（content-type: application/json）。' });
  }
  let input: unknown;
  try {
    const text = await readBody(request);
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return sendError(response, { code: 'VALIDATION', message: '请求内容不是有效的 JSON，或超过大小限制。' });
  }
  const result = await options.dispatch(method, input);
  if (result.ok) sendJson(response, 200, result);
  else sendError(response, result.error);
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, pathname: string, staticDir: string | undefined) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...securityHeaders, allow: 'GET, HEAD' });
    return response.end();
  }
  const file = staticDir ? await readStaticFile(staticDir, pathname) : null;
  if (!file) {
    response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    return response.end('未找到');
  }
  const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  response.writeHead(200, { ...securityHeaders, 'content-type': file.type, 'cache-control': cache });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const server = createServer((request, response) => {
    const hostRefused = checkHost(request, port);
    if (hostRefused) return sendError(response, hostRefused);
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const work = pathname.startsWith(API_PREFIX)
      ? handleApi(request, response, pathname.slice(API_PREFIX.length), { ...options, port, token })
      : handleStatic(request, response, pathname, options.staticDir);
    work.catch(() => {
      if (!response.headersSent) sendError(response, { code: 'INTERNAL', message: '服务器内部错误。' });
      else response.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
