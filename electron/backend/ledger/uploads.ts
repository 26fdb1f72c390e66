/**
 * Ledger files arrive in chunks (`ledger.uploadStart` → `ledger.uploadChunk` … → `ledger.previewImport`), the same
 * over IPC and HTTP, so no single request carries a whole file. Each upload's buffer is allocated once, from its
 * declared size (itself bounded), and chunks are decoded straight into it; a chunk must start exactly where the bytes
 * received so far end, so nothing is ever written twice. Few uploads are open at once, an idle one expires, and a
 * preview takes the finished file away.
 */
import { randomBytes } from 'node:crypto';
import { ApiError, IMPORT_MAX_FILE_BYTES, UPLOAD_CHUNK_BYTES, type UploadProgress, type UploadStarted } from '../../contract';

export interface UploadLimits {
  maxFileBytes: number;
  chunkBytes: number;
  /** Open uploads; starting one more drops the one idle the longest. */
  maxOpen: number;
  /** An upload with no chunk for this long is dropped. */
  idleMs: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxFileBytes: IMPORT_MAX_FILE_BYTES,
  chunkBytes: UPLOAD_CHUNK_BYTES,
  maxOpen: 3,
  idleMs: 5 * 60_000,
};

interface Upload {
  id: string;
  fileName: string;
  bytes: Buffer;
  received: number;
  /** Order of last activity (a counter: no clock ties). */
  touched: number;
  expiry: NodeJS.Timeout;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

const gone = () => new ApiError({ code: 'NOT_FOUND', message: '这次上传已过期或已取消，请重新选择文件。' });

/** Raw bytes encoded by a base64 text whose length is a multiple of 4. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export class Uploads {
  private readonly open = new Map<string, Upload>();
  private activity = 0;

  constructor(private readonly limits: UploadLimits = defaultUploadLimits) {}

  get count(): number {
    return this.open.size;
  }

  start(fileName: string, sizeBytes: number): UploadStarted {
    const { maxFileBytes, chunkBytes, maxOpen, idleMs } = this.limits;
    if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 1) throw new ApiError({ code: 'VALIDATION', message: '文件是空的。' });
    if (sizeBytes > maxFileBytes) {
      throw new ApiError({
        code: 'TOO_LARGE',
        message: `文件太大（${megabytes(sizeBytes)}）：台账文件最大 ${megabytes(maxFileBytes)}。请按小区或楼栋分批导出后再导入。`,
      });
    }
    while (this.open.size >= maxOpen) {
      const stalest = [...this.open.values()].reduce((a, b) => (a.touched <= b.touched ? a : b));
      this.drop(stalest.id);
    }
    const id = randomBytes(12).toString('hex');
    // Zero-filled (never old memory); for large sizes the pages are only committed as chunks arrive.
    const upload: Upload = { id, fileName, bytes: Buffer.alloc(sizeBytes), received: 0, touched: ++this.activity, expiry: this.expire(id, idleMs) };
    this.open.set(id, upload);
    return { uploadId: id, chunkBytes };
  }

  /** Appends one chunk; it must begin at exactly the bytes received so far. */
  chunk(uploadId: string, offset: number, contentBase64: string): UploadProgress {
    const upload = this.open.get(uploadId);
    if (!upload) throw gone();
    const size = upload.bytes.length;
    if (offset !== upload.received) {
      throw new ApiError({
        code: 'CONFLICT',
        message: `上传的分块顺序不对：应从第 ${upload.received} 字节接着传，这一块却从第 ${offset} 字节开始。请重新上传文件。`,
      });
    }
    if (contentBase64.length % 4 !== 0) throw new ApiError({ code: 'VALIDATION', message: '分块不是有效的 base64。' });
    const length = decodedLength(contentBase64);
    if (length < 1 || length > this.limits.chunkBytes) {
      throw new ApiError({ code: 'VALIDATION', message: `分块大小不对：每块 1 到 ${this.limits.chunkBytes} 字节。` });
    }
    if (offset + length > size) {
      throw new ApiError({ code: 'VALIDATION', message: `上传的内容超出了开始时声明的文件大小（${size} 字节）。请重新上传文件。` });
    }
    const written = upload.bytes.write(contentBase64, offset, length, 'base64');
    if (written !== length) {
      // Not reachable for text that passed the contract's base64 check; refuse rather than record a gap.
      throw new ApiError({ code: 'VALIDATION', message: '分块不是有效的 base64。' });
    }
    upload.received += length;
    upload.touched = ++this.activity;
    upload.expiry.refresh();
    return { received: upload.received, sizeBytes: size, complete: upload.received === size };
  }

  /** The finished file, for a preview: the upload is gone afterwards. */
  take(uploadId: string): { fileName: string; bytes: Buffer } {
    const upload = this.open.get(uploadId);
    if (!upload) throw gone();
    if (upload.received !== upload.bytes.length) {
      throw new ApiError({
        code: 'CONFLICT',
        message: `文件还没有上传完（已收到 ${upload.received} / ${upload.bytes.length} 字节）。请等上传完成，或重新选择文件。`,
      });
    }
    this.drop(uploadId);
    return { fileName: upload.fileName, bytes: upload.bytes };
  }

  cancel(uploadId: string): boolean {
    return this.drop(uploadId);
  }

  private drop(uploadId: string): boolean {
    const upload = this.open.get(uploadId);
    if (!upload) return false;
    clearTimeout(upload.expiry);
    return this.open.delete(uploadId);
  }

  private expire(uploadId: string, idleMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.drop(uploadId), idleMs);
    // An abandoned upload must not keep the process (the CLI, a test) alive.
    timer.unref();
    return timer;
  }
}
