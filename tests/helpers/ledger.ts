import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../electron/backend';
import type { ImportJobStatus, ImportPreview, InputOf, MethodName, OutputOf } from '../../electron/contract';
import type { Actor } from '../../domain/roles';

export const fixturePath = (name: string): string => path.resolve(import.meta.dirname, '../fixtures/ledger', name);

/**
 * Calls a contract method as the desk's user (or `as`), typed from the contract, and unwraps the envelope, throwing
 * the Chinese message (with its code) on failure.
 */
export async function call<M extends MethodName>(backend: Backend, method: M, input: InputOf<M>, as?: Actor): Promise<OutputOf<M>> {
  const result = await backend.dispatch(method, input, as ?? backend.deskActor());
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as OutputOf<M>;
}

/** A method called with input the contract does not allow (to test that the backend refuses it). */
export const callUnchecked = (backend: Backend, method: MethodName, input: unknown): Promise<unknown> => call(backend, method, input as never);

/** Sends a file the way the import dialog does: uploadStart, then chunks in order (of `chunkBytes`, default the server's). */
export async function upload(backend: Backend, fileName: string, bytes: Uint8Array, chunkBytes?: number): Promise<string> {
  const started = await call(backend, 'ledger.uploadStart', { fileName, sizeBytes: bytes.length });
  const step = chunkBytes ?? started.chunkBytes;
  for (let offset = 0; offset < bytes.length; offset += step) {
    const contentBase64 = Buffer.from(bytes.subarray(offset, offset + step)).toString('base64');
    await call(backend, 'ledger.uploadChunk', { uploadId: started.uploadId, offset, contentBase64 });
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
  const { jobId } = await call(backend, 'ledger.previewImport', {
    uploadId: await upload(backend, name, options.bytes ?? readFileSync(fixturePath(name))),
    defaultCommunity: options.defaultCommunity ?? '默认小区',
    ...(options.scope ? { scope: options.scope } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  for (;;) {
    const status = await call(backend, 'ledger.importStatus', { jobId });
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
  const entry = await call(backend, 'ledger.commitImport', { jobId, skipErrorRows: options.skipErrorRows ?? false });
  return { preview: shown, entry };
}
