/**
 * Import previews run as jobs so the UI can show progress on large files: start, poll the status,
 * then commit (or cancel). A job keeps its analysed batch until it is committed or dropped.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ApiError, type ImportEntry, type ImportJobStatus, type previewImportInput } from '../../contract';
import type { IsoDate } from '../../../domain/dates';
import { analyseImport, type Analysis } from './import-analysis';
import { commitBatch } from './commit-import';
import type { LedgerRepository } from '../ports';

type PreviewInput = z.output<typeof previewImportInput>;
/** What a preview runs with: previewImport's options and the uploaded file's name (its bytes come separately). */
export type JobInput = Omit<PreviewInput, 'uploadId'> & { fileName: string };

interface Job {
  id: string;
  input: JobInput;
  status: ImportJobStatus;
  analysis: Analysis | null;
  startedAt: number;
  /** Set while its commit is being written. */
  committing: boolean;
}

const MAX_JOBS = 4;

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly today: () => IsoDate,
  ) {}

  start(input: JobInput, bytes: Uint8Array): string {
    const id = randomBytes(8).toString('hex');
    const job: Job = { id, input, status: { state: 'running', phase: '读取文件', done: 0, total: 0 }, analysis: null, startedAt: Date.now(), committing: false };
    this.jobs.set(id, job);
    this.prune();
    analyseImport(input.fileName, bytes, this.ledger, { defaultCommunity: input.defaultCommunity, scope: input.scope, mapping: input.mapping, today: this.today() }, (phase, done, total) => {
      job.status = { state: 'running', phase, done, total };
    }).then(
      (analysis) => {
        job.analysis = analysis;
        job.status = { state: 'ready', preview: analysis.preview };
      },
      (error: unknown) => {
        job.status = { state: 'failed', message: error instanceof ApiError ? error.message : `无法读取文件：${error instanceof Error ? error.message : String(error)}` };
      },
    );
    return id;
  }

  status(jobId: string): ImportJobStatus {
    return this.job(jobId).status;
  }

  /** Commits a job's batch, once: a second commit of the same job (a double click, another tab) gets CONFLICT. */
  async commit(jobId: string, skipErrorRows: boolean): Promise<ImportEntry> {
    const job = this.job(jobId);
    if (!job.analysis) throw new ApiError({ code: 'VALIDATION', message: '导入预览还没有完成。' });
    if (job.committing) throw new ApiError({ code: 'CONFLICT', message: '这次导入正在提交（可能在另一个窗口点了确认导入），请稍候查看导入记录。' });
    job.committing = true; // set before the first await: parallel commits see it
    const { preview, batch } = job.analysis;
    try {
      const entry = await commitBatch(this.ledger, batch, {
        fileName: job.input.fileName,
        kind: 'import',
        scope: job.input.scope,
        today: this.today(),
        errorCount: preview.errorCount,
        missing: preview.missing,
        skipErrorRows,
      });
      this.jobs.delete(jobId);
      return entry;
    } finally {
      job.committing = false; // a refused commit (rows with errors, a broken shard) may be tried again
    }
  }

  cancel(jobId: string): boolean {
    return this.jobs.delete(jobId);
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError({ code: 'NOT_FOUND', message: '这次导入已过期或已完成，请重新选择文件。' });
    return job;
  }

  private prune(): void {
    const byAge = [...this.jobs.values()].sort((a, b) => a.startedAt - b.startedAt);
    while (byAge.length > MAX_JOBS) this.jobs.delete(byAge.shift()!.id);
  }
}
