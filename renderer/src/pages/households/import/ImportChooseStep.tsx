/** 选择文件: the ledger file, the community for rooms without one, a saved column mapping, and what the file covers. */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Radio, Select, Space, Upload } from 'antd';
import type { SavedMapping } from '../../../../../electron/contract';
import type { ImportScope } from './use-import-choice';
import type { ImportFailure } from './use-import-flow';

interface ImportChooseStepProps {
  file: File | null;
  onChoose(file: File): void;
  failure: ImportFailure | null;
  /** Tries the failed upload again (only an upload failure offers it). */
  onRetry(failure: ImportFailure): void;
  community: string;
  onCommunityChange(name: string): void;
  saved: SavedMapping[];
  mappingName: string | undefined;
  onMappingNameChange(name: string | undefined): void;
  scope: ImportScope;
  onScopeChange(scope: ImportScope): void;
  onNext(): void;
}

export function ImportChooseStep(props: ImportChooseStepProps) {
  const { file, failure } = props;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.kind === 'upload' ? '文件上传失败，台账没有改动' : '无法导入这个文件，台账没有改动'}
          description={failure.message}
          action={
            failure.kind === 'upload' && file ? (
              <Button size="small" onClick={() => props.onRetry(failure)}>
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
          props.onChoose(chosen);
          // The file is read by the dialog, a chunk at a time: antd uploads nothing itself.
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
        <Input aria-label="小区名称" value={props.community} onChange={(event) => props.onCommunityChange(event.target.value)} style={{ width: 200 }} maxLength={40} />
        <span>列映射</span>
        <Select
          aria-label="已保存的列映射"
          allowClear
          placeholder="自动识别"
          style={{ width: 180 }}
          value={props.mappingName}
          onChange={props.onMappingNameChange}
          options={props.saved.map((entry) => ({ value: entry.name, label: entry.name }))}
        />
      </Space>
      <Radio.Group value={props.scope} onChange={(event) => props.onScopeChange(event.target.value)}>
        <Radio value="community">文件是这些小区的完整欠费清单（文件中没有的欠费视为已缴）</Radio>
        <Radio value="household">文件只包含部分房屋（只更新文件中出现的房屋）</Radio>
      </Radio.Group>
      <Button type="primary" disabled={!file} onClick={props.onNext}>
        下一步：预览
      </Button>
    </Space>
  );
}
