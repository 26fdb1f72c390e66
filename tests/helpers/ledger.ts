import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../electron/backend';
import type { ImportEntry, ImportJobStatus, ImportPreview } from '../../electron/contract';

export const fixturePath = (name: string): string => path.resolve(import.meta.dirname, '../fixtures/ledger', name);

/** Calls a backend method and unwraps the envelope, throwing the Chinese message on failure. */
export async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

export async function preview(
  backend: Backend,
  name: string,
  options: { defaultCommunity?: string; scope?: 'community' | 'household'; mapping?: Record<string, string> } = {},
): Promise<{ jobId: string; status: ImportJobStatus }> {
  const { jobId } = await call<{ jobId: string }>(backend, 'ledger.previewImport', {
    fileName: name,
    contentBase64: readFileSync(fixturePath(name)).toString('base64'),
    defaultCommunity: options.defaultCommunity ?? '默认小区',
    ...(options.scope ? { scope: options.scope } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  for (;;) {
    const status = await call<ImportJobStatus>(backend, 'ledger.importStatus', { jobId });
    if (status.state !== 'running') return { jobId, status };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function readyPreview(backend: Backend, name: string, options: Parameters<typeof preview>[2] = {}) {
  const { jobId, status } = await preview(backend, name, options);
  if (status.state !== 'ready') throw new Error(`preview failed: ${status.state === 'failed' ? status.message : status.state}`);
  return { jobId, preview: status.preview as ImportPreview };
}

export async function importFixture(backend: Backend, name: string, options: Parameters<typeof preview>[2] & { skipErrorRows?: boolean } = {}) {
  const { jobId, preview: shown } = await readyPreview(backend, name, options);
  const entry = await call<ImportEntry>(backend, 'ledger.commitImport', { jobId, skipErrorRows: options.skipErrorRows ?? false });
  return { preview: shown, entry };
}
