/**
 * 导入台账 sends the chosen file as a chunked upload, with progress; a failed upload says so in Chinese and can be
 * retried. A community named by the file's title replaces the file name in 小区名称, unless the user typed one.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, IMPORT_MAX_FILE_BYTES, type Api, type ImportPreview } from '../../electron/contract';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { ImportDialog } from '../../renderer/src/pages/households/ImportDialog';
import { fakeApi } from './support/fake-api';

const previewFixture: ImportPreview = {
  fileName: 'ledger.csv',
  format: 'csv',
  encoding: 'UTF-8',
  sheet: 'CSV',
  headerRow: 1,
  headers: ['房号', '业主', '应收'],
  mapping: { room: '房号', ownerName: '业主', due: '应收' },
  missing: [],
  notes: [],
  suggestedCommunity: null,
  rows: 1,
  skipped: { blank: 0, totals: 0, repeatedHeaders: 0, duplicates: 0 },
  errorCount: 0,
  errors: [],
  households: 1,
  items: 1,
  owedFen: 12_345,
  merge: { householdsInFile: 1, itemsInFile: 1, owedInFileFen: 12_345, newHouseholds: 1, updatedHouseholds: 0, newItems: 1, changedItems: 0, unchangedItems: 0, settledItems: 0, payments: 0, paymentsFen: 0 },
  sample: [],
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function renderDialog(api: Api) {
  const view = render(
    <AntApp>
      <ApiProvider api={api}>
        <ImportDialog onClose={vi.fn()} onImported={vi.fn()} />
      </ApiProvider>
    </AntApp>,
  );
  const input = () => view.baseElement.querySelector('input[type=file]') as HTMLInputElement;
  return { input };
}

describe('ImportDialog upload', () => {
  it('uploads in chunks with progress, reports a failed upload in Chinese, and retries it', async () => {
    const user = userEvent.setup();
    const content = 'room,owner,due\n8-2-1203,欧阳澜,123.45\n';
    const bytes = new TextEncoder().encode(content);
    const stalled = deferred<never>();
    const received = new Map<string, Uint8Array[]>();
    let uploads = 0;
    const api = {
      ...fakeApi(),
      'ledger.uploadStart': vi.fn(async ({ sizeBytes }: { sizeBytes: number }) => {
        expect(sizeBytes).toBe(bytes.length);
        uploads += 1;
        return { uploadId: `u${uploads}`, chunkBytes: 16 };
      }),
      'ledger.uploadChunk': vi.fn(async ({ uploadId, offset, contentBase64 }: { uploadId: string; offset: number; contentBase64: string }) => {
        // The first upload stalls on its second chunk, then the connection fails.
        if (uploadId === 'u1' && offset > 0) return stalled.promise;
        const parts = received.get(uploadId) ?? [];
        expect(offset).toBe(parts.reduce((sum, part) => sum + part.length, 0));
        parts.push(Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0)));
        received.set(uploadId, parts);
        const done = offset + parts[parts.length - 1]!.length;
        return { received: done, sizeBytes: bytes.length, complete: done === bytes.length };
      }),
      'ledger.previewImport': vi.fn(async () => ({ jobId: 'j1' })),
      'ledger.importStatus': vi.fn(async () => ({ state: 'ready' as const, preview: previewFixture })),
    } satisfies Api;
    const { input } = renderDialog(api);

    await user.upload(input(), new File([bytes], 'ledger.csv', { type: 'text/csv' }));
    await user.click(await screen.findByRole('button', { name: /下一步/ }));
    await screen.findByText('正在上传文件……');
    expect(screen.getByRole('status')).toHaveTextContent('%');
    stalled.reject(new ApiError({ code: 'INTERNAL', message: '无法连接到 Call Coach 服务，请确认程序仍在运行后重试。' }));

    await screen.findByText('文件上传失败，台账没有改动');
    expect(screen.getByText(/无法连接到 Call Coach 服务/)).toBeInTheDocument();
    await waitFor(() => expect(api['ledger.cancelUpload']).toHaveBeenCalledWith({ uploadId: 'u1' }));
    expect(api['ledger.previewImport']).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /重\s*试/ }));
    await screen.findByText('可以导入');
    expect(api['ledger.previewImport']).toHaveBeenCalledWith(expect.objectContaining({ uploadId: 'u2', defaultCommunity: 'ledger' }));
    const sent = received.get('u2')!;
    expect(sent.length).toBe(Math.ceil(bytes.length / 16));
    expect(new TextDecoder().decode(Uint8Array.from(sent.flatMap((part) => [...part])))).toBe(content);
  });

  it('refuses a file over the backend’s maximum before reading it', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    const { input } = renderDialog(api);
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: IMPORT_MAX_FILE_BYTES + 1 });
    await user.upload(input(), huge);
    await screen.findByText(/文件太大.*最大 150 MB/);
    expect(screen.getByRole('button', { name: /下一步/ })).toBeDisabled();
    expect(api['ledger.uploadStart']).not.toHaveBeenCalled();
  });
});

describe('ImportDialog community from the title row', () => {
  /** An API whose uploads succeed at once and whose previews propose `suggestedCommunity`. */
  function titledApi(suggestedCommunity: string | null) {
    let jobs = 0;
    return {
      ...fakeApi(),
      'ledger.uploadStart': vi.fn(async () => ({ uploadId: `u${jobs + 1}`, chunkBytes: 1024 })),
      'ledger.uploadChunk': vi.fn(async ({ offset, contentBase64 }: { offset: number; contentBase64: string }) => {
        const size = offset + atob(contentBase64).length;
        return { received: size, sizeBytes: size, complete: true };
      }),
      'ledger.previewImport': vi.fn(async (_input: Parameters<Api['ledger.previewImport']>[0]) => ({ jobId: `j${(jobs += 1)}` })),
      'ledger.importStatus': vi.fn(async () => ({ state: 'ready' as const, preview: { ...previewFixture, fileName: '2026年11月欠费.xlsx', suggestedCommunity } })),
    } satisfies Api;
  }
  const chosen = () => new File(['房号,应收\n7-3-1504,100\n'], '2026年11月欠费.xlsx');
  const communityField = () => screen.getByLabelText('小区名称') as HTMLInputElement;

  it('prefills 小区名称 with the community the title names, and previews with it', async () => {
    const user = userEvent.setup();
    const api = titledApi('翠湖天地');
    const { input } = renderDialog(api);
    await user.upload(input(), chosen());
    expect(communityField().value).toBe('2026年11月欠费');
    await user.click(screen.getByRole('button', { name: /下一步/ }));

    await screen.findByText('小区名称按文件标题填为「翠湖天地」。如不对，请点“上一步”修改。');
    // Checked again with the title's community, so that the rooms are filed there; the first check is dropped.
    expect(api['ledger.previewImport'].mock.calls.map(([input]) => input.defaultCommunity)).toEqual(['2026年11月欠费', '翠湖天地']);
    expect(api['ledger.cancelImport']).toHaveBeenCalledWith({ jobId: 'j1' });
    expect(screen.getByText('可以导入')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /上一步/ }));
    expect(communityField().value).toBe('翠湖天地');
    await user.click(screen.getByRole('button', { name: /下一步/ }));
    await screen.findByText('可以导入');
    expect(api['ledger.previewImport']).toHaveBeenCalledTimes(3);
    expect(api['ledger.previewImport']).toHaveBeenLastCalledWith(expect.objectContaining({ defaultCommunity: '翠湖天地' }));
  });

  it('keeps what the user typed, and says what the title named', async () => {
    const user = userEvent.setup();
    const api = titledApi('翠湖天地');
    const { input } = renderDialog(api);
    await user.upload(input(), chosen());
    await user.clear(communityField());
    await user.type(communityField(), '观山水');
    await user.click(screen.getByRole('button', { name: /下一步/ }));

    await screen.findByText('文件标题写的小区是「翠湖天地」，本次按填写的「观山水」导入。');
    expect(api['ledger.previewImport']).toHaveBeenCalledTimes(1);
    expect(api['ledger.previewImport']).toHaveBeenCalledWith(expect.objectContaining({ defaultCommunity: '观山水' }));
    await user.click(screen.getByRole('button', { name: /上一步/ }));
    expect(communityField().value).toBe('观山水');
  });

  it('keeps the file name when the title names no community', async () => {
    const user = userEvent.setup();
    const api = titledApi(null);
    const { input } = renderDialog(api);
    await user.upload(input(), chosen());
    await user.click(screen.getByRole('button', { name: /下一步/ }));
    await screen.findByText('可以导入');
    expect(api['ledger.previewImport']).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/文件标题/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /上一步/ }));
    expect(communityField().value).toBe('2026年11月欠费');
  });
});
