import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../electron/backend';
import type { ImportEntry, ImportJobStatus, ImportPreview, UploadProgress, UploadStarted } from '../../electron/contract';

export const fixturePath = (name: string): string => path.resolve(import.meta.dirname, '../fixtures/ledger', name);

/** Calls a backend method and unwraps the envelope, throwing the Chinese message on failure. */
export async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

/** Sends a file the way the import dialog does: uploadStart, then chunks in order (of `chunkBytes`, default the server's). */
export async function upload(backend: Backend, fileName: string, bytes: Uint8Array, chunkBytes?: number): Promise<string> {
  const started = await call<UploadStarted>(backend, 'ledger.uploadStart', { fileName, sizeBytes: bytes.length });
  const step = chunkBytes ?? started.chunkBytes;
  for (let offset = 0; offset < bytes.length; offset += step) {
    const contentBase64 = Buffer.from(bytes.subarray(offset, offset + step)).toString('base64');
    await call<UploadProgress>(backend, 'ledger.uploadChunk', { uploadId: started.uploadId, offset, contentBase64 });
  }
  return started.uploadId;
}

export interface PreviewOptions {
  defaultCommunity?: string;
  scope?: 'community' | 'household';
  mapping?: Record<string, string>;
  /** The file's content; without it, the fixture of that name. */
  bytes?: Uint8Array;
}

export async function preview(backend: Backend, name: string, options: PreviewOptions = {}): Promise<{ jobId: string; status: ImportJobStatus }> {
  const { jobId } = await call<{ jobId: string }>(backend, 'ledger.previewImport', {
    uploadId: await upload(backend, name, options.bytes ?? readFileSync(fixturePath(name))),
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
