/**
 * Browser mode's transport: `POST /api/<method>` on 127.0.0.1, plus the built renderer as static files.
 * Development, end-to-end tests, and machines where Electron cannot be installed use it.
 *
 * Any web page the steward opens can send requests here, so no request of any shape may end the process or
 * exhaust it: every request is answered or dropped inside a try, bodies are bounded per method (413), slow
 * senders are cut by timeouts, and idle sockets are closed when many are open so the real UI still gets in.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../contract/content-security-policy';
import { httpStatusOf, maxBodyBytesOf, type ApiErrorBody, type Envelope } from '../contract';
import type { Dispatch } from '../backend/dispatch';
import type { Actor } from '../../domain/roles';
import { checkApiCaller, checkHost, isJsonContentType } from './request-guard';
import { readStaticFile } from '../backend/renderer-assets';

const API_PREFIX = '/api/';

export interface WebServerLimits {
  /** From connection (or the end of the previous request) to the last header line. */
  headersTimeoutMs: number;
  /** From the first byte of a request to the last byte of its body. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** How often the two timeouts above are checked. */
  checkIntervalMs: number;
  /**
   * With more sockets than this open, sockets idle for at least `idleGraceMs` (no request in progress) are closed,
   * longest idle first. A socket just opened, or between two requests of a busy page, is left alone.
   */
  idleSocketLimit: number;
  idleGraceMs: number;
  /**
   * With more sockets than this open (a flood of connections that send nothing), idle sockets that never carried a
   * request are closed whatever their age, oldest first: the newest connection — the real UI's — gets through.
   */
  pressureSocketLimit: number;
  /** Hard ceiling (server.maxConnections): connections beyond it are refused outright. */
  maxConnections: number;
}

export const defaultWebServerLimits: WebServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  idleSocketLimit: 64,
  idleGraceMs: 1_000,
  pressureSocketLimit: 96,
  maxConnections: 128,
};

/** A body left unread by an early answer (401, 413 …) is read and discarded up to this much, then the socket is closed. */
const DRAIN_BYTES = 32 * 1024 * 1024;

/**
 * Who may call the API and as whom. Local browser mode: the launch token, acting as the desk's user (localAccess).
 * A team server: a signed-in session (electron/server/team-access.ts).
 */
export interface AccessPolicy {
  /** Refuses a request for the whole server (static files too), e.g. a Host that is not ours; null to go on. */
  checkHost(request: IncomingMessage, port: number): ApiErrorBody | null;
  /** The actor of an API request, or why it is refused (before its body is read). */
  authenticate(request: IncomingMessage, port: number): Promise<Actor | ApiErrorBody>;
  /** Methods the server answers itself, without an actor (signing in and out). */
  ownMethods?: Record<string, (input: unknown, request: IncomingMessage) => Promise<Envelope<unknown>>>;
}

/** Local browser mode: only this machine, our own Host and Origin, and the per-launch token; the desk's user acts. */
export function localAccess(token: string, actor: () => Actor): AccessPolicy {
  return {
    checkHost,
    authenticate: async (request, port) => checkApiCaller(request, port, token) ?? actor(),
  };
}

export interface WebServerOptions {
  dispatch: Dispatch;
  /** Who an API request that passed the token check acts for (local browser mode: the desk's user). */
  actor: () => Actor;
  /** Instead of the launch token and `actor`: another policy (a team server's sessions). */
  access?: AccessPolicy;
  /** The address to bind (default 127.0.0.1; a team server may be told otherwise). */
  host?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
  /** The built renderer (dist/renderer); without it only the API is served. */
  staticDir?: string;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /** Tests shorten the timeouts. */
  limits?: Partial<WebServerLimits>;
  /** Where internal errors are logged (never sent to the client); default stderr. */
  log?: (message: string) => void;
}

export interface WebServer {
  server: Server;
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  /** Open sockets (as tracked for the connection cap). */
  openSockets(): number;
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

const internalError: ApiErrorBody = { code: 'INTERNAL', message: '服务器内部错误，操作未完成。请重试。' };

const ignore = () => undefined;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * An answer may come before the body was read (refused caller, over the limit). The rest of the body is then
 * read and thrown away, so the client is not reset mid-send and actually receives the answer — but only up to
 * DRAIN_BYTES (the request timeout bounds the time); beyond that the socket is closed. It must start before the
 * answer ends: Node would otherwise discard the body itself, with no bound but the timeout.
 */
function drainRest(request: IncomingMessage): void {
  if (request.complete || request.destroyed) return;
  let drained = 0;
  request.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) request.socket.destroy();
  });
  request.resume();
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer): void {
  if (response.headersSent || response.destroyed) return;
  drainRest(response.req);
  const length = body === undefined ? {} : { 'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.length) };
  response.writeHead(status, { ...securityHeaders, ...headers, ...length });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: Envelope<unknown>): void {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    status = 500;
    text = JSON.stringify({ ok: false, error: internalError });
  }
  send(response, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, text);
}

function sendError(response: ServerResponse, error: ApiErrorBody): void {
  sendJson(response, httpStatusOf[error.code], { ok: false, error });
}

const tooLarge = (limit: number): ApiErrorBody => ({
  code: 'TOO_LARGE',
  message: `请求内容太大（这个接口最多接受 ${megabytes(limit)}），服务器没有处理。`,
});

/**
 * The body, as long as it stays within `limit` bytes (counted as it streams, for chunked bodies too);
 * 'too-large' as soon as it does not, 'aborted' if the client went away.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: Buffer | 'too-large' | 'aborted') => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      resolve(outcome);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return settle('too-large');
      chunks.push(chunk);
    });
    request.on('end', () => settle(Buffer.concat(chunks, size)));
    request.on('error', () => settle('aborted'));
    request.on('close', () => settle('aborted'));
  });
}

/**
 * The path of a request target, or null unless it is a plain origin-form path (`/…`). `//host…`, `http://…`,
 * `*` and anything unparsable are refused: the app never sends them, and they must not reach `new URL` unguarded.
 */
export function pathnameOf(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(`http://127.0.0.1${target}`).pathname;
  } catch {
    return null;
  }
}

interface Context {
  dispatch: Dispatch;
  access: AccessPolicy;
  staticDir: string | undefined;
  port: number;
}

const isActor = (value: Actor | ApiErrorBody): value is Actor => 'roles' in value;

async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, ctx: Context) {
  const own = Object.hasOwn(ctx.access.ownMethods ?? {}, method) ? ctx.access.ownMethods![method] : undefined;
  const actor = own ? null : await ctx.access.authenticate(request, ctx.port);
  if (actor && !isActor(actor)) return sendError(response, actor);
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return sendError(response, { code: 'NOT_FOUND', message: '接口只接受 POST 请求。' });
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    return sendError(response, { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求内容必须是 JSON（content-type: application/json）。' });
  }
  const limit = maxBodyBytesOf(method);
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return sendError(response, tooLarge(limit));
  const body = await readBody(request, limit);
  if (body === 'aborted') return;
  if (body === 'too-large') return sendError(response, tooLarge(limit));
  let input: unknown;
  try {
    const text = body.toString('utf8');
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return sendError(response, { code: 'VALIDATION', message: '请求内容不是有效的 JSON。' });
  }
  const result = own ? await own(input, request) : await ctx.dispatch(method, input, actor as Actor);
  if (result.ok) sendJson(response, 200, result);
  else sendError(response, result.error);
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, pathname: string, staticDir: string | undefined) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, { allow: 'GET, HEAD' });
  }
  const file = staticDir ? await readStaticFile(staticDir, pathname) : null;
  if (!file) return send(response, 404, { 'content-type': 'text/plain; charset=utf-8' }, '未找到');
  const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  send(response, 200, { 'content-type': file.type, 'cache-control': cache }, request.method === 'HEAD' ? undefined : file.body);
}

async function route(request: IncomingMessage, response: ServerResponse, ctx: Context): Promise<void> {
  const hostRefused = ctx.access.checkHost(request, ctx.port);
  if (hostRefused) return sendError(response, hostRefused);
  const pathname = pathnameOf(request.url);
  if (pathname === null) return sendError(response, { code: 'VALIDATION', message: '请求地址无效。' });
  if (pathname.startsWith(API_PREFIX)) return handleApi(request, response, pathname.slice(API_PREFIX.length), ctx);
  return handleStatic(request, response, pathname, ctx.staticDir);
}

interface SocketState {
  /** Requests in progress (from their headers to the end of their answer). */
  busy: number;
  /** Requests it has carried. */
  served: number;
  /** When it last became idle (opened, or answered its last request). */
  idleSince: number;
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const limits = { ...defaultWebServerLimits, ...options.limits };
  const log = options.log ?? ((message: string) => console.error(`[call-coach] ${message}`));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const ctx: Context = { dispatch: options.dispatch, access: options.access ?? localAccess(token, options.actor), staticDir: options.staticDir, port: options.port };
  const sockets = new Map<Socket, SocketState>();

  const fail = (response: ServerResponse, error: unknown) => {
    log(`web server: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    try {
      if (!response.headersSent) sendError(response, internalError);
      else response.destroy();
    } catch {
      response.destroy();
    }
  };

  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
  const listener: RequestListener = (request, response) => {
    request.on('error', ignore);
    response.on('error', ignore);
    const state = sockets.get(request.socket);
    if (state) {
      state.busy += 1;
      state.served += 1;
      response.once('close', () => {
        state.busy -= 1;
        state.idleSince = performance.now();
      });
    }
    try {
      route(request, response, ctx).catch((error: unknown) => fail(response, error));
    } catch (error) {
      fail(response, error);
    }
  };
  const server: Server = options.tls ? createTlsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, listener) : createServer(serverOptions, listener);
  server.maxConnections = limits.maxConnections;

  /** Closes the sockets `closable` picks, longest idle first, until at most `limit` are open (never `keep`). */
  const closeIdle = (keep: Socket, limit: number, closable: (state: SocketState, now: number) => boolean) => {
    const now = performance.now();
    const idle = [...sockets].filter(([socket, state]) => socket !== keep && state.busy === 0 && closable(state, now)).sort((a, b) => a[1].idleSince - b[1].idleSince);
    for (const [socket] of idle) {
      if (sockets.size <= limit) break;
      sockets.delete(socket);
      socket.destroy();
    }
  };

  // Plain HTTP counts TCP connections; HTTPS the sockets after the TLS handshake (both are what requests arrive on).
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.set(socket, { busy: 0, served: 0, idleSince: performance.now() });
    socket.once('close', () => sockets.delete(socket));
    if (sockets.size > limits.idleSocketLimit) closeIdle(socket, limits.idleSocketLimit, (state, now) => now - state.idleSince >= limits.idleGraceMs);
    if (sockets.size > limits.pressureSocketLimit) closeIdle(socket, limits.pressureSocketLimit, (state) => state.served === 0);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const host = options.host ?? '127.0.0.1';
    server.listen(options.port, host, () => {
      server.off('error', reject);
      // After listening, an error (an accept failing, say) is logged; it must not end the process.
      server.on('error', (error) => log(`web server: ${error.message}`));
      ctx.port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: ctx.port,
        token,
        url: options.access ? `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${ctx.port}/` : `http://127.0.0.1:${ctx.port}/?token=${token}`,
        openSockets: () => sockets.size,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const [socket, state] of sockets) if (state.busy === 0) socket.destroy();
          }),
      });
    });
  });
}
