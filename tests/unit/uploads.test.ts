import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../electron/contract';
import { Uploads } from '../../electron/backend/ledger/uploads';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const limits = { maxFileBytes: 100, chunkBytes: 8, maxOpen: 2, idleMs: 60_000 };

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Uploads', () => {
  it('assembles chunks sent in order and hands the file over once', () => {
    const uploads = new Uploads(limits);
    const { uploadId, chunkBytes } = uploads.start('a.csv', 11);
    expect(chunkBytes).toBe(8);
    expect(uploads.chunk(uploadId, 0, b64('hello, '))).toEqual({ received: 7, sizeBytes: 11, complete: false });
    expect(uploads.chunk(uploadId, 7, b64('wxyz'))).toEqual({ received: 11, sizeBytes: 11, complete: true });
    const taken = uploads.take(uploadId);
    expect(taken.fileName).toBe('a.csv');
    expect(taken.bytes.toString()).toBe('hello, wxyz');
    expect(refusal(() => uploads.take(uploadId)).code).toBe('NOT_FOUND');
    expect(uploads.count).toBe(0);
  });

  it('refuses a repeated, skipped-ahead or overflowing chunk without writing it', () => {
    const uploads = new Uploads(limits);
    const { uploadId } = uploads.start('a.csv', 6);
    uploads.chunk(uploadId, 0, b64('abc'));
    const repeated = refusal(() => uploads.chunk(uploadId, 0, b64('XYZ')));
    expect(repeated.code).toBe('CONFLICT');
    expect(repeated.message).toMatch(/应从第 3 字节/);
    expect(refusal(() => uploads.chunk(uploadId, 4, b64('XY'))).code).toBe('CONFLICT');
    expect(refusal(() => uploads.chunk(uploadId, 3, b64('defg'))).code).toBe('VALIDATION');
    expect(refusal(() => uploads.chunk(uploadId, 3, b64('123456789'))).code).toBe('VALIDATION');
    expect(uploads.chunk(uploadId, 3, b64('def')).complete).toBe(true);
    expect(uploads.take(uploadId).bytes.toString()).toBe('abcdef');
  });

  it('refuses a declared size over the maximum with a Chinese message, allocating nothing', () => {
    const uploads = new Uploads(limits);
    const error = refusal(() => uploads.start('big.csv', 101));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/文件太大.*最大/);
    expect(refusal(() => uploads.start('empty.csv', 0)).code).toBe('VALIDATION');
    expect(uploads.count).toBe(0);
  });

  it('will not hand over an incomplete file, and keeps it for the rest', () => {
    const uploads = new Uploads(limits);
    const { uploadId } = uploads.start('a.csv', 4);
    uploads.chunk(uploadId, 0, b64('ab'));
    const error = refusal(() => uploads.take(uploadId));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('还没有上传完');
    uploads.chunk(uploadId, 2, b64('cd'));
    expect(uploads.take(uploadId).bytes.toString()).toBe('abcd');
  });

  it('keeps only a few open: a new one drops the one idle the longest', () => {
    const uploads = new Uploads(limits);
    const first = uploads.start('1.csv', 4).uploadId;
    const second = uploads.start('2.csv', 4).uploadId;
    uploads.chunk(first, 0, b64('a'));
    const third = uploads.start('3.csv', 4).uploadId;
    expect(uploads.count).toBe(2);
    expect(refusal(() => uploads.chunk(second, 0, b64('a'))).code).toBe('NOT_FOUND');
    expect(uploads.chunk(first, 1, b64('b')).received).toBe(2);
    expect(uploads.chunk(third, 0, b64('a')).received).toBe(1);
  });

  it('drops an upload left idle, and one that is cancelled', () => {
    vi.useFakeTimers();
    const uploads = new Uploads(limits);
    const idle = uploads.start('1.csv', 4).uploadId;
    const busy = uploads.start('2.csv', 4).uploadId;
    vi.advanceTimersByTime(50_000);
    uploads.chunk(busy, 0, b64('a'));
    vi.advanceTimersByTime(20_000);
    expect(refusal(() => uploads.chunk(idle, 0, b64('a'))).message).toContain('已过期');
    expect(uploads.chunk(busy, 1, b64('b')).received).toBe(2);
    expect(uploads.cancel(busy)).toBe(true);
    expect(uploads.cancel(busy)).toBe(false);
    expect(uploads.count).toBe(0);
  });
});
