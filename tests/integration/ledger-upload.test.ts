/**
 * Ledger files reach the backend as a chunked upload (the same over IPC and HTTP): chunks in order into one buffer
 * sized from the declared (bounded) size, then a preview that takes the finished file.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { analyseImport } from '../../electron/backend/ledger/import-analysis';
import { IMPORT_MAX_FILE_BYTES, UPLOAD_CHUNK_BYTES, base64LengthOf, type ImportJobStatus } from '../../electron/contract';
import { snapshotDir, tempDir } from '../helpers/fs';
import { call, fixturePath, upload } from '../helpers/ledger';

const TODAY = '2025-12-01';

let backend: Backend;

beforeEach(async () => {
  backend = await createBackend({ dataDir: tempDir(), mode: 'browser', version: 't', demoHouseholds: 0, today: () => TODAY });
});

afterEach(() => backend.close());

async function settled(jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const status = await call(backend, 'ledger.importStatus', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const refusal = (promise: Promise<unknown>) => promise.then(() => ({ code: 'none', message: '' }), (error: { code: string; message: string }) => error);

describe('chunked ledger upload', () => {
  it.each(['titled-merged-header.xlsx', 'gbk-system-a.csv'])('yields the same preview as analysing the whole file at once (%s)', async (name) => {
    const bytes = readFileSync(fixturePath(name));
    const options = { defaultCommunity: '枫林雅苑', scope: 'community' as const };
    const direct = await analyseImport(name, bytes, backend.ctx.ledger, { ...options, today: TODAY });
    // Odd chunk sizes, so chunk edges fall mid-character and mid-row.
    for (const chunkBytes of [997, 64, undefined]) {
      const uploadId = await upload(backend, name, bytes, chunkBytes);
      const { jobId } = await call(backend, 'ledger.previewImport', { uploadId, ...options });
      const status = await settled(jobId);
      expect(status).toEqual({ state: 'ready', preview: direct.preview });
    }
  });

  it('refuses a repeated or out-of-order chunk, never writing it twice', async () => {
    const bytes = readFileSync(fixturePath('gbk-system-a.csv'));
    const { uploadId } = await call(backend, 'ledger.uploadStart', { fileName: 'gbk-system-a.csv', sizeBytes: bytes.length });
    const piece = (from: number, to: number) => bytes.subarray(from, to).toString('base64');
    await call(backend, 'ledger.uploadChunk', { uploadId, offset: 0, contentBase64: piece(0, 300) });
    const repeated = await refusal(call(backend, 'ledger.uploadChunk', { uploadId, offset: 0, contentBase64: piece(0, 300) }));
    expect(repeated).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('应从第 300 字节') });
    const ahead = await refusal(call(backend, 'ledger.uploadChunk', { uploadId, offset: 450, contentBase64: piece(450, bytes.length) }));
    expect(ahead.code).toBe('CONFLICT');
    const done = await call(backend, 'ledger.uploadChunk', { uploadId, offset: 300, contentBase64: piece(300, bytes.length) });
    expect(done).toEqual({ received: bytes.length, sizeBytes: bytes.length, complete: true });
    const { jobId } = await call(backend, 'ledger.previewImport', { uploadId, defaultCommunity: '观山水' });
    expect(await settled(jobId)).toMatchObject({ state: 'ready', preview: { households: 3, items: 5, owedFen: 708_800 } });
  });

  it('refuses a declared size over 150 MB, in Chinese, and allocates nothing', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const error = await refusal(call(backend, 'ledger.uploadStart', { fileName: 'big.csv', sizeBytes: IMPORT_MAX_FILE_BYTES + 1 }));
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/文件太大.*最大 150 MB/) });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    const absurd = await refusal(call(backend, 'ledger.uploadStart', { fileName: 'big.csv', sizeBytes: 2 ** 60 }));
    expect(absurd.code).toMatch(/TOO_LARGE|VALIDATION/);
  });

  it('refuses a chunk over the chunk size, beyond the declared size, or not base64', async () => {
    const { uploadId } = await call(backend, 'ledger.uploadStart', { fileName: 'a.csv', sizeBytes: 10 });
    const tooBig = 'A'.repeat(base64LengthOf(UPLOAD_CHUNK_BYTES) + 4);
    expect(await refusal(call(backend, 'ledger.uploadChunk', { uploadId, offset: 0, contentBase64: tooBig }))).toMatchObject({ code: 'VALIDATION' });
    const beyond = Buffer.alloc(11, 1).toString('base64');
    expect(await refusal(call(backend, 'ledger.uploadChunk', { uploadId, offset: 0, contentBase64: beyond }))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('声明的文件大小') });
    for (const bad of ['abc', 'ab=c', '!!!!', 'YWJj\n']) {
      expect(await refusal(call(backend, 'ledger.uploadChunk', { uploadId, offset: 0, contentBase64: bad }))).toMatchObject({ code: 'VALIDATION' });
    }
    // None of those wrote anything: the upload still starts at 0.
    expect(await call(backend, 'ledger.uploadChunk', { uploadId, offset: 0, contentBase64: Buffer.from('0123456789').toString('base64') })).toMatchObject({ complete: true });
  });

  it('previews only a complete upload; a preview or a cancel drops it; a refused preview keeps it', async () => {
    const bytes = readFileSync(fixturePath('gbk-system-a.csv'));
    const { uploadId } = await call(backend, 'ledger.uploadStart', { fileName: 'gbk-system-a.csv', sizeBytes: bytes.length });
    await call(backend, 'ledger.uploadChunk', { uploadId, offset: 0, contentBase64: bytes.subarray(0, 100).toString('base64') });
    expect(await refusal(call(backend, 'ledger.previewImport', { uploadId, defaultCommunity: '观山水' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('还没有上传完') });
    await call(backend, 'ledger.uploadChunk', { uploadId, offset: 100, contentBase64: bytes.subarray(100).toString('base64') });
    expect(await refusal(call(backend, 'ledger.previewImport', { uploadId, defaultCommunity: '观山水', mappingName: '没有这个' }))).toMatchObject({ code: 'NOT_FOUND' });
    const { jobId } = await call(backend, 'ledger.previewImport', { uploadId, defaultCommunity: '观山水' });
    expect((await settled(jobId)).state).toBe('ready');
    expect(await refusal(call(backend, 'ledger.previewImport', { uploadId, defaultCommunity: '观山水' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('重新选择文件') });

    const other = await call(backend, 'ledger.uploadStart', { fileName: 'x.csv', sizeBytes: 4 });
    expect(await call(backend, 'ledger.cancelUpload', { uploadId: other.uploadId })).toEqual({ cancelled: true });
    expect(await refusal(call(backend, 'ledger.uploadChunk', { uploadId: other.uploadId, offset: 0, contentBase64: 'YWJj' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes nothing to the data folder while uploading', async () => {
    const before = snapshotDir(backend.storage.dataDir);
    await upload(backend, 'gbk-system-a.csv', readFileSync(fixturePath('gbk-system-a.csv')), 100);
    expect(snapshotDir(backend.storage.dataDir)).toEqual(before);
  });
});
