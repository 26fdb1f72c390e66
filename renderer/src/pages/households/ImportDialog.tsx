import { InboxOutlined } from '@ant-design/icons';
import { importCommitProblem } from '../../../../domain/import/commit-rule';
import { Alert, App, Button, Checkbox, Descriptions, Input, Modal, Progress, Radio, Result, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, IMPORT_MAX_FILE_BYTES, type HeaderMapping, type ImportEntry, type ImportPreview, type SavedMapping } from '../../../../electron/contract';
import { importFields, type ImportFieldId } from '../../../../domain/import/fields';
import { useApi } from '../../api/api-context';
import { formatYuan } from '../../money';

type Stage =
  | { step: 'choose' }
  | { step: 'uploading'; percent: number }
  | { step: 'running'; jobId: string; phase: string; percent: number }
  | { step: 'preview'; jobId: string; preview: ImportPreview; community: string }
  | { step: 'done'; entry: ImportEntry };

/** What went wrong last; an upload that failed can simply be tried again. */
interface Failure {
  kind: 'upload' | 'analysis';
  message: string;
  /** The mapping the failed attempt used (a retry repeats it). */
  override: HeaderMapping | null;
}

const POLL_MS = 150;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const communityFromFileName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[（(].*$/, '').slice(0, 40) || '默认小区';

/** A title row names a community other than the one this preview used, and the user did not type that one. */
const proposesOtherCommunity = (preview: ImportPreview, used: string, typed: boolean): boolean =>
  !typed && preview.suggestedCommunity !== null && preview.suggestedCommunity !== used;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The backend refuses these too (it is the authority); saying so at once spares reading the file. */
function refusedBeforeUpload(chosen: File): string | null {
  if (chosen.size === 0) return '文件是空的。';
  if (chosen.size > IMPORT_MAX_FILE_BYTES) {
    return `文件太大（${(chosen.size / 1024 / 1024).toFixed(0)} MB）：台账文件最大 ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB。请按小区或楼栋分批导出后再导入。`;
  }
  return null;
}

/** 导入台账: choose a file, check the preview (mapping, row errors, what will change), then commit all or nothing. */
export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  // Only the File handle: it is read a chunk at a time while uploading, and again for each re-check.
  const [file, setFile] = useState<File | null>(null);
  const [community, setCommunity] = useState('');
  // Typed by the user (kept), or proposed by us: the file name, then the community a title row names.
  const [communityTyped, setCommunityTyped] = useState(false);
  const [scope, setScope] = useState<'community' | 'household'>('community');
  const [mapping, setMapping] = useState<HeaderMapping | null>(null);
  const [mappingName, setMappingName] = useState<string | undefined>();
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [newMappingName, setNewMappingName] = useState('');
  const [skipErrors, setSkipErrors] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const jobRef = useRef<string | null>(null);
  const uploadRef = useRef<string | null>(null);
  const openRef = useRef(true);

  useEffect(() => {
    openRef.current = true;
    void api['mappings.list']({}).then((result) => setSaved(result.mappings));
    return () => {
      openRef.current = false;
      if (uploadRef.current) void api['ledger.cancelUpload']({ uploadId: uploadRef.current }).catch(() => undefined);
      if (jobRef.current) void api['ledger.cancelImport']({ jobId: jobRef.current }).catch(() => undefined);
    };
  }, [api]);

  /** Sends the file in chunks, in order, showing progress; resolves to the finished upload's id. */
  const upload = async (chosen: File): Promise<string> => {
    setStage({ step: 'uploading', percent: 0 });
    const { uploadId, chunkBytes } = await api['ledger.uploadStart']({ fileName: chosen.name, sizeBytes: chosen.size });
    uploadRef.current = uploadId;
    try {
      for (let offset = 0; offset < chosen.size; offset += chunkBytes) {
        const chunk = await chosen.slice(offset, offset + chunkBytes).arrayBuffer();
        if (!openRef.current) throw new Error('导入已关闭。');
        await api['ledger.uploadChunk']({ uploadId, offset, contentBase64: toBase64(chunk) });
        setStage({ step: 'uploading', percent: Math.round((Math.min(offset + chunkBytes, chosen.size) / chosen.size) * 100) });
      }
      return uploadId;
    } catch (error) {
      uploadRef.current = null;
      void api['ledger.cancelUpload']({ uploadId }).catch(() => undefined);
      throw error;
    }
  };

  const start = async (override: HeaderMapping | null = mapping, defaultCommunity = community.trim() || (file ? communityFromFileName(file.name) : '')): Promise<void> => {
    if (!file) return;
    setFailure(null);
    // A re-check replaces the preview shown: its job (and the batch it holds) is no longer needed.
    const previous = jobRef.current;
    jobRef.current = null;
    if (previous) void api['ledger.cancelImport']({ jobId: previous }).catch(() => undefined);
    let uploadId: string;
    try {
      uploadId = await upload(file);
    } catch (error) {
      if (!openRef.current) return;
      setFailure({ kind: 'upload', message: errorText(error), override });
      setStage({ step: 'choose' });
      return;
    }
    try {
      const { jobId } = await api['ledger.previewImport']({
        uploadId,
        defaultCommunity,
        scope,
        ...(override ? { mapping: override } : mappingName ? { mappingName } : {}),
      });
      // The preview took the upload over (the backend has dropped it).
      uploadRef.current = null;
      jobRef.current = jobId;
      setStage({ step: 'running', jobId, phase: '读取文件', percent: 0 });
      for (;;) {
        const status = await api['ledger.importStatus']({ jobId });
        if (jobRef.current !== jobId) return;
        if (status.state === 'running') {
          setStage({ step: 'running', jobId, phase: status.phase, percent: status.total ? Math.round((status.done / status.total) * 100) : 0 });
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          continue;
        }
        if (status.state === 'failed') {
          setFailure({ kind: 'analysis', message: status.message, override });
          setStage({ step: 'choose' });
        } else if (proposesOtherCommunity(status.preview, defaultCommunity, communityTyped)) {
          // The title names the community: check again with it, so that the import files the rooms there.
          setCommunity(status.preview.suggestedCommunity!);
          await start(override, status.preview.suggestedCommunity!);
        } else {
          setMapping(status.preview.mapping);
          setStage({ step: 'preview', jobId, preview: status.preview, community: defaultCommunity });
        }
        return;
      }
    } catch (error) {
      if (uploadRef.current === uploadId) {
        // The preview was refused before it started: the upload is still there, but a retry sends the file again.
        uploadRef.current = null;
        void api['ledger.cancelUpload']({ uploadId }).catch(() => undefined);
      }
      setFailure({ kind: 'analysis', message: errorText(error), override });
      setStage({ step: 'choose' });
    }
  };

  const commit = async (jobId: string) => {
    setCommitting(true);
    try {
      const entry = await api['ledger.commitImport']({ jobId, skipErrorRows: skipErrors });
      jobRef.current = null;
      setStage({ step: 'done', entry });
      onImported();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setCommitting(false);
    }
  };

  const saveMapping = async () => {
    if (!mapping || !newMappingName.trim()) return;
    const result = await api['mappings.save']({ name: newMappingName.trim(), fields: mapping });
    setSaved(result.mappings);
    message.success(`列映射「${newMappingName.trim()}」已保存`);
  };

  const current = { choose: 0, uploading: 1, running: 1, preview: 1, done: 2 }[stage.step];

  return (
    <Modal open title="导入台账" width={1000} footer={null} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Steps size="small" current={current} items={[{ title: '选择文件' }, { title: '检查预览' }, { title: '完成' }]} style={{ marginBottom: 16 }} />

      {stage.step === 'choose' && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {failure && (
            <Alert
              type="error"
              showIcon
              title={failure.kind === 'upload' ? '文件上传失败，台账没有改动' : '无法导入这个文件，台账没有改动'}
              description={failure.message}
              action={
                failure.kind === 'upload' && file ? (
                  <Button size="small" onClick={() => void start(failure.override)}>
                    重试
                  </Button>
                ) : undefined
              }
            />
          )}
          <Upload.Dragger
            accept=".csv,.xlsx,.xls,.txt"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              const refused = refusedBeforeUpload(chosen);
              setFile(refused ? null : chosen);
              if (!refused) {
                setCommunity(communityFromFileName(chosen.name));
                setCommunityTyped(false);
              }
              setFailure(refused ? { kind: 'analysis', message: refused, override: null } : null);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? `已选择：${file.name}（${(file.size / 1024).toFixed(0)} KB）` : '点击或拖入收费系统导出的欠费明细'}</p>
            <p className="ant-upload-hint">支持 CSV（UTF-8 或 GBK）和 Excel（.xlsx）；表头不必在第一行</p>
          </Upload.Dragger>
          <Space wrap>
            <span>小区名称（文件里没有小区列时使用）</span>
            <Input
              aria-label="小区名称"
              value={community}
              onChange={(event) => {
                setCommunity(event.target.value);
                setCommunityTyped(true);
              }}
              style={{ width: 200 }}
              maxLength={40}
            />
            <span>列映射</span>
            <Select
              aria-label="已保存的列映射"
              allowClear
              placeholder="自动识别"
              style={{ width: 180 }}
              value={mappingName}
              onChange={setMappingName}
              options={saved.map((entry) => ({ value: entry.name, label: entry.name }))}
            />
          </Space>
          <Radio.Group value={scope} onChange={(event) => setScope(event.target.value)}>
            <Radio value="community">文件是这些小区的完整欠费清单（文件中没有的欠费视为已缴）</Radio>
            <Radio value="household">文件只包含部分房屋（只更新文件中出现的房屋）</Radio>
          </Radio.Group>
          <Button type="primary" disabled={!file} onClick={() => void start(null)}>
            下一步：预览
          </Button>
        </Space>
      )}

      {stage.step === 'uploading' && (
        <div style={{ padding: '24px 0' }} role="status" aria-live="polite">
          <Typography.Paragraph>正在上传文件……</Typography.Paragraph>
          <Progress percent={stage.percent} status="active" />
        </div>
      )}

      {stage.step === 'running' && (
        <div style={{ padding: '24px 0' }} role="status" aria-live="polite">
          <Typography.Paragraph>正在{stage.phase}……</Typography.Paragraph>
          <Progress percent={stage.percent} status="active" />
        </div>
      )}

      {stage.step === 'preview' && (
        <ImportPreviewView
          preview={stage.preview}
          community={stage.community}
          mapping={mapping ?? {}}
          onMappingChange={setMapping}
          onReanalyse={() => void start(mapping)}
          saveName={newMappingName}
          onSaveNameChange={setNewMappingName}
          onSaveMapping={() => void saveMapping()}
          skipErrors={skipErrors}
          onSkipErrorsChange={setSkipErrors}
          committing={committing}
          onCommit={() => void commit(stage.jobId)}
          onBack={() => setStage({ step: 'choose' })}
        />
      )}

      {stage.step === 'done' && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`${stage.entry.fileName}：新增 ${stage.entry.stats.newHouseholds} 户、更新 ${stage.entry.stats.updatedHouseholds} 户，新增明细 ${stage.entry.stats.newItems} 条，推算缴费 ${stage.entry.stats.payments} 笔（${formatYuan(stage.entry.stats.paymentsFen)}）。`}
          extra={
            <Button type="primary" onClick={onClose}>
              完成
            </Button>
          }
        />
      )}
    </Modal>
  );
}

/** Where the community of rooms without one came from, when a title row names one. */
function titleCommunityNote(preview: ImportPreview, used: string): string | null {
  if (!preview.suggestedCommunity) return null;
  if (preview.suggestedCommunity === used) return `小区名称按文件标题填为「${used}」。如不对，请点“上一步”修改。`;
  return `文件标题写的小区是「${preview.suggestedCommunity}」，本次按填写的「${used}」导入。`;
}

function ImportPreviewView(props: {
  preview: ImportPreview;
  /** The community the preview filed rooms without one under. */
  community: string;
  mapping: HeaderMapping;
  onMappingChange(mapping: HeaderMapping): void;
  onReanalyse(): void;
  saveName: string;
  onSaveNameChange(name: string): void;
  onSaveMapping(): void;
  skipErrors: boolean;
  onSkipErrorsChange(skip: boolean): void;
  committing: boolean;
  onCommit(): void;
  onBack(): void;
}) {
  const { preview } = props;
  const blocked = importCommitProblem(preview, props.skipErrors) !== null;
  const headerOptions = preview.headers.filter(Boolean).map((header) => ({ value: header, label: header }));
  const communityNote = titleCommunityNote(preview, props.community);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'file', label: '文件', children: `${preview.fileName}${preview.encoding ? `（${preview.encoding}）` : ''}` },
          { key: 'sheet', label: '工作表 / 表头行', children: `${preview.sheet} / 第 ${preview.headerRow} 行` },
          { key: 'rows', label: '有效数据行', children: preview.rows },
          { key: 'households', label: '房屋', children: `${preview.households} 户` },
          { key: 'items', label: '欠费明细', children: `${preview.items} 条` },
          { key: 'owed', label: '文件中的欠费合计', children: <strong>{formatYuan(preview.owedFen)}</strong> },
          {
            key: 'skipped',
            label: '已跳过',
            span: 3,
            children: `空行 ${preview.skipped.blank}，合计/小计行 ${preview.skipped.totals}，重复表头 ${preview.skipped.repeatedHeaders}，完全重复的行 ${preview.skipped.duplicates}`,
          },
          {
            key: 'merge',
            label: '导入后',
            span: 3,
            children: `新增 ${preview.merge.newHouseholds} 户、更新 ${preview.merge.updatedHouseholds} 户；新增明细 ${preview.merge.newItems} 条、变更 ${preview.merge.changedItems} 条、不变 ${preview.merge.unchangedItems} 条；视为已缴清 ${preview.merge.settledItems} 条；推算缴费 ${preview.merge.payments} 笔（${formatYuan(preview.merge.paymentsFen)}）`,
          },
        ]}
      />
      {communityNote && <Alert type="info" showIcon title={communityNote} />}
      {preview.notes.map((note) => (
        <Alert key={note} type="info" showIcon title={note} />
      ))}
      {preview.missing.length > 0 && <Alert type="error" showIcon title={`还缺少必需的列：${preview.missing.join('、')}`} description="请在下面的列映射中指定对应的列，然后点“按此映射重新检查”。" />}

      <details open={preview.missing.length > 0}>
        <summary>列映射（点此修改）</summary>
        <div className="mapping-grid">
          {importFields.map((field) => (
            <label key={field.id} className="mapping-cell">
              <span>{field.label}</span>
              <Select
                aria-label={`映射：${field.label}`}
                allowClear
                size="small"
                placeholder="（无）"
                style={{ width: 160 }}
                value={props.mapping[field.id as ImportFieldId]}
                options={headerOptions}
                onChange={(value?: string) => {
                  const next = { ...props.mapping };
                  if (value) next[field.id] = value;
                  else delete next[field.id];
                  props.onMappingChange(next);
                }}
              />
            </label>
          ))}
        </div>
        <Space style={{ marginTop: 8 }} wrap>
          <Button onClick={props.onReanalyse}>按此映射重新检查</Button>
          <Input aria-label="映射名称" placeholder="给这个映射起个名字，如：XX收费系统" value={props.saveName} onChange={(event) => props.onSaveNameChange(event.target.value)} style={{ width: 240 }} />
          <Button disabled={!props.saveName.trim()} onClick={props.onSaveMapping}>
            保存映射
          </Button>
        </Space>
      </details>

      {preview.errorCount > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={`${preview.errorCount} 行数据有错误${preview.errorCount > preview.errors.length ? `（下表列出前 ${preview.errors.length} 行）` : ''}`}
            description="有错误的行不会被导入。可以修正文件后重新导入，或勾选“跳过有错误的行”只导入正确的行。"
          />
          <Table
            aria-label="错误明细"
            size="small"
            rowKey={(error) => `${error.sheet}-${error.row}-${error.column}`}
            dataSource={preview.errors}
            pagination={{ pageSize: 8, size: 'small' }}
            columns={[
              { title: '行', dataIndex: 'row', width: 70 },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '原因', dataIndex: 'reason' },
              ...(preview.format === 'xlsx' ? [{ title: '工作表', dataIndex: 'sheet', width: 120 }] : []),
            ]}
          />
        </>
      )}

      <Table
        aria-label="数据预览"
        size="small"
        rowKey="row"
        dataSource={preview.sample}
        pagination={false}
        scroll={{ y: 220 }}
        columns={[
          { title: '行', dataIndex: 'row', width: 60 },
          { title: '小区', dataIndex: 'community', width: 100 },
          { title: '房号', dataIndex: 'roomLabel', width: 140 },
          { title: '业主', dataIndex: 'ownerName', width: 90 },
          { title: '收费项目', dataIndex: 'feeType', width: 90 },
          { title: '所属期间', dataIndex: 'period', width: 170 },
          { title: '应收', dataIndex: 'dueFen', align: 'right', render: (value: number) => formatYuan(value) },
          { title: '实收', dataIndex: 'paidFen', align: 'right', render: (value: number) => formatYuan(value) },
        ]}
      />

      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Button onClick={props.onBack}>上一步</Button>
        <Space>
          {preview.errorCount > 0 && (
            <Checkbox checked={props.skipErrors} onChange={(event) => props.onSkipErrorsChange(event.target.checked)}>
              跳过有错误的行（{preview.errorCount} 行）
            </Checkbox>
          )}
          <Tag color={blocked ? 'default' : 'green'}>{blocked ? '尚不能导入' : '可以导入'}</Tag>
          <Button type="primary" disabled={blocked} loading={props.committing} onClick={props.onCommit}>
            确认导入
          </Button>
        </Space>
      </Space>
    </Space>
  );
}
