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
import type { LedgerStore } from './ledger-store';

type PreviewInput = z.output<typeof previewImportInput>;

interface Job {
  id: string;
  input: Omit<PreviewInput, 'contentBase64'>;
  status: ImportJobStatus;
  analysis: Analysis | null;
  startedAt: number;
}

const MAX_JOBS = 4;

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly ledger: LedgerStore,
    private readonly today: () => IsoDate,
  ) {}

  start(input: PreviewInput): string {
    const id = randomBytes(8).toString('hex');
    const { contentBase64, ...rest } = input;
    const job: Job = { id, input: rest, status: { state: 'running', phase: '读取文件', done: 0, total: 0 }, analysis: null, startedAt: Date.now() };
    this.jobs.set(id, job);
    this.prune();
    const bytes = Buffer.from(contentBase64, 'base64');
    analyseImport(rest.fileName, bytes, this.ledger, { defaultCommunity: rest.defaultCommunity, scope: rest.scope, mapping: rest.mapping, today: this.today() }, (phase, done, total) => {
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

  async commit(jobId: string, skipErrorRows: boolean): Promise<ImportEntry> {
    const job = this.job(jobId);
    if (!job.analysis) throw new ApiError({ code: 'VALIDATION', message: '导入预览还没有完成。' });
    const { preview, batch } = job.analysis;
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
