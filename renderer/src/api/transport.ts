/**
 * How the renderer reaches the backend: the preload's bridge in the desktop app, `POST /api/<method>`
 * with the per-launch token in browser mode. Both yield envelopes; `createApi` turns them into a typed
 * client that resolves to outputs and rejects with ApiError (Chinese message).
 */
import {
  ApiError,
  TOKEN_HEADER,
  httpPathOf,
  isEnvelope,
  methodNames,
  type Api,
  type BridgeApi,
  type Envelope,
  type MethodName,
} from '../../../electron/contract';

export interface Transport {
  kind: 'bridge' | 'http';
  call(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
}

export function bridgeTransport(bridge: BridgeApi): Transport {
  return {
    kind: 'bridge',
    call: (method, input) => (bridge[method] as (input: unknown) => Promise<Envelope<unknown>>)(input),
  };
}

const unreachable: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '无法连接到 Call Coach 服务，请确认程序仍在运行后重试。' },
};

export function httpTransport(token: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  return {
    kind: 'http',
    async call(method, input) {
      let response: Response;
      try {
        response = await fetchImpl(httpPathOf(method), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return unreachable;
      }
      const body: unknown = await response.json().catch(() => null);
      return isEnvelope(body) ? body : unreachable;
    },
  };
}

export function createApi(transport: Transport): Api {
  const entries = methodNames.map((name) => [
    name,
    async (input: unknown) => {
      const result = await transport.call(name, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },
  ]);
  return Object.fromEntries(entries) as Api;
}
