import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { CONTENT_SECURITY_POLICY } from '../../electron/contract/content-security-policy';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import { snapshotDir, tempDir } from '../helpers/fs';

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
    web = await startWebServer({ dispatch: backend.dispatch, staticDir, port: 0 });
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
});
