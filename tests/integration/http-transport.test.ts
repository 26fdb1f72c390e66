import { request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { UPLOAD_CHUNK_BYTES, type Envelope } from '../../electron/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/contract/content-security-policy';
import { defaultWebServerLimits, startWebServer, type WebServer } from '../../electron/server/web-server';
import { localActor } from '../../domain/roles';
import { snapshotDir, tempDir } from '../helpers/fs';
import { fixturePath } from '../helpers/ledger';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be anything (fetch would not let us forge them). */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The same, with the body sent chunked (no Content-Length), in pieces of `pieceBytes`. */
function sendChunked(port: number, pathName: string, headers: Record<string, string>, body: Buffer, pieceBytes = 64 * 1024): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: pathName, headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    const pump = (offset: number): void => {
      if (offset >= body.length) return void req.end();
      if (req.destroyed) return;
      if (req.write(body.subarray(offset, offset + pieceBytes))) setImmediate(() => pump(offset + pieceBytes));
      else req.once('drain', () => pump(offset + pieceBytes));
    };
    pump(0);
  });
}

/** One response read off a raw socket: status, head and body (by Content-Length). */
interface RawReply {
  status: number;
  head: string;
  body: string;
}

/**
 * Writes raw bytes on a fresh socket (http.request would normalise the request target) and resolves with the
 * first response, without waiting for the socket to close. Generous deadline: a hang fails, speed does not matter.
 */
function rawExchange(port: number, text: string, { deadlineMs = 20_000, then }: { deadlineMs?: number; then?: (socket: Socket) => void } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error(`no answer to ${JSON.stringify(text.slice(0, 40))}`)), deadlineMs);
    const finish = (outcome: RawReply | Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const parse = (ended: boolean) => {
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return ended ? finish(new Error(`closed without an answer: ${received.toString()}`)) : undefined;
      const head = received.subarray(0, headEnd).toString();
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
      const body = received.subarray(headEnd + 4);
      if (Number.isFinite(length) ? body.length >= length : ended) {
        finish({ status: Number(head.split(' ')[1]), head, body: body.subarray(0, Number.isFinite(length) ? length : undefined).toString() });
      }
    };
    socket.on('connect', () => {
      socket.write(text);
      then?.(socket);
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      parse(false);
    });
    socket.on('end', () => parse(true));
    socket.on('error', (error) => finish(error));
  });
}

/** Opens `count` sockets that send nothing (or what `feed` writes), resolving once all are connected. */
async function openSockets(port: number, count: number, feed?: (socket: Socket) => void): Promise<{ sockets: Socket[]; closed: () => number }> {
  let closed = 0;
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = connect(port, '127.0.0.1');
          socket.on('error', () => undefined);
          socket.on('close', () => (closed += 1));
          socket.on('connect', () => {
            feed?.(socket);
            resolve(socket);
          });
          // A socket refused or reset before connecting counts as closed.
          socket.on('close', () => resolve(socket));
        }),
    ),
  );
  return { sockets, closed: () => closed };
}

/** A request head from its lines. */
const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

async function until(condition: () => boolean, deadlineMs: number, what: string): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('browser-mode HTTP transport', () => {
  let dataDir: string;
  let backend: Backend;
  let web: WebServer;
  let good: Record<string, string>;

  beforeAll(async () => {
    dataDir = tempDir();
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), 'secret');
    backend = await createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 0 });
    web = await startWebServer({ dispatch: backend.dispatch, actor: backend.deskActor, staticDir, port: 0 });
    good = {
      host: `127.0.0.1:${web.port}`,
      origin: `http://127.0.0.1:${web.port}`,
      'content-type': 'application/json',
      'x-call-coach-token': web.token,
    };
  });

  afterAll(async () => {
    await web.close();
    backend.close();
  });

  const call = (method: string, body: unknown, headers: Record<string, string> = good) =>
    send(web.port, { path: `/api/${method}`, headers, body: JSON.stringify(body) });

  it('listens on loopback only and prints a URL with the token', () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${web.token}`);
    expect(web.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a well-formed call', async () => {
    const reply = await call('app.status', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'browser', dataDir } });
  });

  it('accepts localhost as the host name too, and a call without Origin (non-browser clients)', async () => {
    const { origin: _origin, ...noOrigin } = good;
    const reply = await call('app.status', {}, { ...noOrigin, host: `localhost:${web.port}` });
    expect(reply.status).toBe(200);
  });

  it('rejects a missing token', async () => {
    const { 'x-call-coach-token': _token, ...headers } = good;
    const reply = await call('app.status', {}, headers);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('rejects a wrong token, including one of the right length', async () => {
    expect((await call('app.status', {}, { ...good, 'x-call-coach-token': 'guess' })).status).toBe(401);
    const sameLength = web.token.replace(/./g, 'A');
    expect((await call('app.status', {}, { ...good, 'x-call-coach-token': sameLength })).status).toBe(401);
  });

  it('rejects a foreign Origin even with the right token', async () => {
    const reply = await call('app.status', {}, { ...good, origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toContain('其他网站');
    expect((await call('app.status', {}, { ...good, origin: `http://127.0.0.1:${web.port + 1}` })).status).toBe(403);
  });

  it('rejects a cross-site fetch', async () => {
    expect((await call('app.status', {}, { ...good, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('rejects a foreign Host (DNS rebinding), for the API and for static files', async () => {
    expect((await call('app.status', {}, { ...good, host: `evil.example:${web.port}` })).status).toBe(403);
    expect((await send(web.port, { method: 'GET', path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('rejects an invalid input with a validation error and touches no file', async () => {
    const before = snapshotDir(dataDir);
    const reply = await call('settings.update', { stewardName: ['not', 'text'] });
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body);
    expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'stewardName' }] } });
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('rejects a body that is not JSON and touches no file', async () => {
    const before = snapshotDir(dataDir);
    const reply = await send(web.port, { path: '/api/settings.update', headers: good, body: '{"stewardName": ' });
    expect(reply.status).toBe(400);
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it('answers an unknown method with 404 and a non-POST with an error', async () => {
    expect((await call('files.deleteAll', {})).status).toBe(404);
    expect((await send(web.port, { method: 'GET', path: '/api/app.status', headers: good })).status).toBe(404);
  });

  it('serves the renderer with the CSP header, and nothing outside its folder', async () => {
    const page = await send(web.port, { method: 'GET', path: '/', headers: { host: good.host! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const asset = await send(web.port, { method: 'GET', path: '/assets/app.js', headers: { host: good.host! } });
    expect(asset.headers['content-type']).toContain('text/javascript');
    for (const sneaky of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt']) {
      const reply = await send(web.port, { method: 'GET', path: sneaky, headers: { host: good.host! } });
      expect(reply.body).not.toContain('secret');
    }
  });

  // ── hostile requests: none may end the process or exhaust it ─────────────────

  it('answers 400 to a request target that is not a plain path, and keeps running', async () => {
    // What any web page can send with <img src="http://127.0.0.1:PORT//a:b">: it used to throw outside any try.
    for (const target of ['//a:b', 'http://[', 'http://a:99999/', '//127.0.0.1/api/app.status', '*']) {
      const reply = await rawExchange(web.port, head([`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${web.port}`, 'Connection: close']));
      expect(reply.status, target).toBe(400);
    }
    const api = await rawExchange(
      web.port,
      head([`POST //a:b HTTP/1.1`, `Host: 127.0.0.1:${web.port}`, 'Content-Type: application/json', `x-call-coach-token: ${web.token}`, 'Content-Length: 2', 'Connection: close']) + '{}',
    );
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('请求地址无效') } });
    expect((await call('app.status', {})).status).toBe(200);
  });

  it('survives a client that disconnects mid-body or mid-headers', async () => {
    for (const partial of [
      head(['POST /api/settings.update HTTP/1.1', `Host: 127.0.0.1:${web.port}`, 'Content-Type: application/json', `x-call-coach-token: ${web.token}`, 'Content-Length: 100000']) + '{"stewardName":',
      head(['POST /api/settings.update HTTP/1.1', `Host: 127.0.0.1:${web.port}`, 'Content-Type: application/json', `x-call-coach-token: ${web.token}`, 'Transfer-Encoding: chunked']) + '5\r\n{"ste',
      `POST /api/app.status HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nContent-Le`,
    ]) {
      await new Promise<void>((resolve) => {
        const socket = connect(web.port, '127.0.0.1', () => socket.write(partial, () => setTimeout(() => socket.resetAndDestroy(), 50)));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      });
    }
    expect((await call('app.status', {})).status).toBe(200);
  });

  it('answers 413 in Chinese to a body over the method’s limit, declared or chunked, and the client receives it', async () => {
    const big = Buffer.from(JSON.stringify({ stewardName: 'x'.repeat(2 * 1024 * 1024) }));
    for (const reply of [
      await send(web.port, { path: '/api/settings.update', headers: good, body: big.toString() }),
      await sendChunked(web.port, '/api/settings.update', good, big),
    ]) {
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringMatching(/请求内容太大.*1 MB/) } });
    }
    // A declared 10 GB body is refused from the headers alone, before any of it is sent.
    const declared = await rawExchange(
      web.port,
      head(['POST /api/settings.update HTTP/1.1', `Host: 127.0.0.1:${web.port}`, 'Content-Type: application/json', `x-call-coach-token: ${web.token}`, `Content-Length: ${10 * 1024 ** 3}`]),
    );
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe('TOO_LARGE');
    expect((await call('app.status', {})).status).toBe(200);
  });

  it('lets only the upload chunk (and the 话术库 import) through with a larger body', async () => {
    const started = JSON.parse((await call('ledger.uploadStart', { fileName: 'big.csv', sizeBytes: UPLOAD_CHUNK_BYTES })).body) as Envelope<{ uploadId: string }>;
    if (!started.ok) throw new Error(started.error.message);
    const chunk = Buffer.alloc(UPLOAD_CHUNK_BYTES, 7).toString('base64');
    const reply = await call('ledger.uploadChunk', { uploadId: started.value.uploadId, offset: 0, contentBase64: chunk });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { complete: true } });
    await call('ledger.cancelUpload', { uploadId: started.value.uploadId });
    // The same body to any other method is over its limit.
    expect((await call('settings.update', { stewardName: chunk })).status).toBe(413);
    const library = await call('scripts.import', { content: `{"x":"${'话'.repeat(2_000_000)}"}`, apply: false });
    expect(library.status).not.toBe(413);
  });

  it('takes a ledger file as a chunked upload over HTTP and previews it', async () => {
    const bytes = readFileSync(fixturePath('titled-merged-header.xlsx'));
    const value = async <T>(method: string, input: unknown): Promise<T> => {
      const envelope = JSON.parse((await call(method, input)).body) as Envelope<T>;
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    };
    const { uploadId } = await value<{ uploadId: string }>('ledger.uploadStart', { fileName: 'titled-merged-header.xlsx', sizeBytes: bytes.length });
    for (let offset = 0; offset < bytes.length; offset += 3000) {
      await value('ledger.uploadChunk', { uploadId, offset, contentBase64: bytes.subarray(offset, offset + 3000).toString('base64') });
    }
    const { jobId } = await value<{ jobId: string }>('ledger.previewImport', { uploadId, defaultCommunity: '枫林雅苑' });
    let status: { state: string; preview?: { households: number; owedFen: number } };
    do status = await value('ledger.importStatus', { jobId });
    while (status.state === 'running');
    expect(status).toMatchObject({ state: 'ready', preview: { households: 3, owedFen: 87_430 } });
    await value('ledger.cancelImport', { jobId });
  });

  it('accepts exactly application/json (optionally with charset=utf-8) and answers 415 to anything else', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON']) {
      expect((await call('app.status', {}, { ...good, 'content-type': type })).status, type).toBe(200);
    }
    for (const type of ['application/jsonp', 'application/json-patch+json', 'application/json; charset=latin1', 'text/plain', 'application/json, text/plain']) {
      const reply = await call('app.status', {}, { ...good, 'content-type': type });
      expect(reply.status, type).toBe(415);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JSON') } });
    }
    const { 'content-type': _type, ...untyped } = good;
    expect((await call('app.status', {}, untyped)).status).toBe(415);
  });

  it('closes idle sockets when many are open, so the real UI still gets an answer', async () => {
    const idle = await openSockets(web.port, 300);
    try {
      const reply = await call('app.status', {});
      expect(reply.status).toBe(200);
      // Sockets that never sent a request go first once the pressure limit is passed.
      const { pressureSocketLimit } = defaultWebServerLimits;
      await until(() => idle.closed() >= 300 - pressureSocketLimit, 20_000, 'idle sockets to be closed');
      expect(web.openSockets()).toBeLessThanOrEqual(pressureSocketLimit + 1);
    } finally {
      for (const socket of idle.sockets) socket.destroy();
    }
  });

  it('sets header, request and keep-alive timeouts and a connection ceiling', () => {
    expect(web.server.headersTimeout).toBe(10_000);
    expect(web.server.requestTimeout).toBe(30_000);
    expect(web.server.keepAliveTimeout).toBe(5_000);
    expect(web.server.maxConnections).toBe(128);
  });
});

describe('browser-mode HTTP transport under a failing backend', () => {
  it('answers 500 without internals when the dispatch throws or answers what cannot be sent, and keeps running', async () => {
    const logged: string[] = [];
    const dispatch = (method: string): Promise<Envelope<unknown>> => {
      if (method === 'app.status') throw new Error('boom at /home/steward/secret.ts:1');
      if (method === 'settings.get') return Promise.resolve({ ok: true, value: 10n });
      return Promise.resolve({ ok: true, value: 'fine' });
    };
    const web = await startWebServer({ dispatch, actor: () => localActor('测试'), port: 0, log: (message) => logged.push(message) });
    const headers = { host: `127.0.0.1:${web.port}`, 'content-type': 'application/json', 'x-call-coach-token': web.token };
    try {
      for (const method of ['app.status', 'settings.get']) {
        const reply = await send(web.port, { path: `/api/${method}`, headers, body: '{}' });
        expect(reply.status, method).toBe(500);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
        expect(reply.body).not.toMatch(/boom|secret|\.ts|at /);
      }
      expect(logged.join('\n')).toContain('boom');
      expect((await send(web.port, { path: '/api/settings.update', headers, body: '{}' })).status).toBe(200);
    } finally {
      await web.close();
    }
  });
});

describe('browser-mode HTTP transport timeouts', () => {
  it('cuts 300 slow (slowloris) connections and a slow body, while real calls are answered', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', version: 't', demoHouseholds: 0 });
    // Short timeouts so the test is quick; a high socket limit so only the timeouts can cut these.
    const web = await startWebServer({
      dispatch: backend.dispatch,
      actor: backend.deskActor,
      port: 0,
      limits: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, checkIntervalMs: 100, idleSocketLimit: 1_000, maxConnections: 1_000 },
    });
    const timers: NodeJS.Timeout[] = [];
    const dribble = (socket: Socket, first: string, next: string) => {
      socket.write(first);
      timers.push(setInterval(() => socket.writable && socket.write(next), 200));
    };
    try {
      const slowHeaders = await openSockets(web.port, 300, (socket) => dribble(socket, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n`, 'X-Slow: 1\r\n'));
      const slowBody = await openSockets(web.port, 1, (socket) =>
        dribble(
          socket,
          head(['POST /api/settings.update HTTP/1.1', `Host: 127.0.0.1:${web.port}`, 'Content-Type: application/json', `x-call-coach-token: ${web.token}`, 'Content-Length: 100000']),
          ' ',
        ),
      );
      const good = { host: `127.0.0.1:${web.port}`, 'content-type': 'application/json', 'x-call-coach-token': web.token };
      expect((await send(web.port, { path: '/api/app.status', headers: good, body: '{}' })).status).toBe(200);
      await until(() => slowHeaders.closed() === 300 && slowBody.closed() === 1, 60_000, 'slow connections to be cut');
      expect((await send(web.port, { path: '/api/app.status', headers: good, body: '{}' })).status).toBe(200);
    } finally {
      for (const timer of timers) clearInterval(timer);
      await web.close();
      backend.close();
    }
  });
});
