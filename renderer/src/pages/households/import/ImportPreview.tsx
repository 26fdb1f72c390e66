/**
 * 检查预览: what the file holds and what the import will change, the column mapping, the rows with errors and a
 * sample of the data; the import is confirmed here, or refused while the commit rule says it cannot go ahead.
 */
import { Alert, Button, Checkbox, Space, Table, Tag } from 'antd';
import { importCommitProblem } from '../../../../../domain/import/commit-rule';
import type { ImportPreview } from '../../../../../electron/contract';
import { formatYuan } from '../../../money';
import { MappingEditor, type MappingEditorProps } from './MappingEditor';
import { PreviewSummary } from './PreviewSummary';

/** Where the community of rooms without one came from, when a title row names one. */
export function titleCommunityNote(preview: ImportPreview, used: string): string | null {
  if (!preview.suggestedCommunity) return null;
  if (preview.suggestedCommunity === used) return `小区名称按文件标题填为「${used}」。如不对，请点“上一步”修改。`;
  return `文件标题写的小区是「${preview.suggestedCommunity}」，本次按填写的「${used}」导入。`;
}

/** The mapping editor's props the preview passes through (its headers and openness come from the preview). */
type MappingProps = Omit<MappingEditorProps, 'headers' | 'open'>;

export interface ImportPreviewViewProps extends MappingProps {
  preview: ImportPreview;
  /** The community the preview filed rooms without one under. */
  community: string;
  skipErrors: boolean;
  onSkipErrorsChange(skip: boolean): void;
  committing: boolean;
  onCommit(): void;
  onBack(): void;
}

export function ImportPreviewView(props: ImportPreviewViewProps) {
  const { preview } = props;
  const blocked = importCommitProblem(preview, props.skipErrors) !== null;
  const communityNote = titleCommunityNote(preview, props.community);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PreviewSummary preview={preview} />
      {communityNote && <Alert type="info" showIcon title={communityNote} />}
      {preview.notes.map((note) => (
        <Alert key={note} type="info" showIcon title={note} />
      ))}
      {preview.missing.length > 0 && <Alert type="error" showIcon title={`还缺少必需的列：${preview.missing.join('、')}`} description="请在下面的列映射中指定对应的列，然后点“按此映射重新检查”。" />}

      <MappingEditor
        headers={preview.headers}
        open={preview.missing.length > 0}
        mapping={props.mapping}
        onMappingChange={props.onMappingChange}
        onReanalyse={props.onReanalyse}
        saveName={props.saveName}
        onSaveNameChange={props.onSaveNameChange}
        onSaveMapping={props.onSaveMapping}
      />

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
