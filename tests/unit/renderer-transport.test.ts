import { describe, expect, it, vi } from 'vitest';
import { ApiError, TOKEN_HEADER, type BridgeApi } from '../../electron/contract';
import { bridgeTransport, createApi, httpTransport } from '../../renderer/src/api/transport';

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HTTP transport', () => {
  it('posts JSON to /api/<method> with the token header and resolves to the value', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, value: { stewardName: '王', companyName: '' } }));
    const api = createApi(httpTransport('tok-123', fetchImpl as unknown as typeof fetch));
    await expect(api['settings.get']({})).resolves.toEqual({ stewardName: '王', companyName: '' });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/settings.get');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok-123');
    expect(init.body).toBe('{}');
  });

  it('rejects with an ApiError carrying the backend’s code, message and issues', async () => {
    const error = { code: 'VALIDATION', message: '请求内容有误：stewardName：太长', issues: [{ path: 'stewardName', message: '太长' }] };
    const api = createApi(httpTransport('t', (async () => jsonResponse({ ok: false, error }, 400)) as unknown as typeof fetch));
    const rejection = await api['settings.update']({ stewardName: 'x' }).catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(ApiError);
    expect(rejection).toMatchObject({ code: 'VALIDATION', message: error.message, issues: error.issues });
  });

  it('turns a network failure or a non-JSON answer into a Chinese “cannot reach the service” error', async () => {
    const down = createApi(httpTransport('t', (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch));
    await expect(down['app.status']({})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('无法连接') });
    const html = createApi(httpTransport('t', (async () => new Response('<html>', { status: 502 })) as unknown as typeof fetch));
    await expect(html['app.status']({})).rejects.toMatchObject({ message: expect.stringContaining('无法连接') });
  });
});

describe('bridge transport', () => {
  it('calls the preload function of the same name and unwraps its envelope', async () => {
    const bridge = {
      'app.status': vi.fn(),
      'settings.get': vi.fn(async () => ({ ok: true, value: { stewardName: '', companyName: '物业' } })),
      'settings.update': vi.fn(async () => ({ ok: false, error: { code: 'STORAGE_CORRUPT', message: '数据文件损坏', file: 'settings.json' } })),
    } as unknown as BridgeApi;
    const api = createApi(bridgeTransport(bridge));
    await expect(api['settings.get']({})).resolves.toEqual({ stewardName: '', companyName: '物业' });
    await expect(api['settings.update']({ stewardName: '王' })).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', file: 'settings.json' });
    expect(bridge['settings.update']).toHaveBeenCalledWith({ stewardName: '王' });
  });
});
