import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ScriptImportReport } from '../../../../electron/contract';
import { useApi } from '../../api/api-context';

function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const SECTIONS: { key: keyof ScriptImportReport; title: string; type?: 'success' | 'warning' | 'danger' | 'secondary' }[] = [
  { key: 'added', title: '新增', type: 'success' },
  { key: 'updated', title: '更新' },
  { key: 'conflicts', title: '冲突（保留本地，不导入）', type: 'warning' },
  { key: 'rejected', title: '未通过合规检查（不导入）', type: 'danger' },
  { key: 'unchanged', title: '无变化', type: 'secondary' },
];

/** 导出 / 导入话术库: how a lead hands one library to the whole team. */
export function ScriptTransfer({ onImported }: { onImported(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [pending, setPending] = useState<{ content: string; name: string; report: ScriptImportReport } | null>(null);
  const [applying, setApplying] = useState(false);

  const exportLibrary = async () => {
    const file = await api['scripts.export']({});
    download(file.fileName, file.content);
    message.success(`已导出 ${file.fileName}`);
  };

  const apply = async () => {
    if (!pending) return;
    setApplying(true);
    try {
      const result = await api['scripts.import']({ content: pending.content, apply: true });
      message.success(result.applied ? `已导入：新增 ${result.report.added.length} 条，更新 ${result.report.updated.length} 条` : '没有需要导入的变化');
      setPending(null);
      onImported();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setApplying(false);
    }
  };

  return (
    <Space>
      <Button icon={<DownloadOutlined />} onClick={() => void exportLibrary()}>
        导出话术库
      </Button>
      <Upload
        accept=".json"
        showUploadList={false}
        beforeUpload={async (file) => {
          const content = await file.text();
          try {
            const result = await api['scripts.import']({ content, apply: false });
            setPending({ content, name: file.name, report: result.report });
          } catch (error) {
            message.error(error instanceof Error ? error.message : String(error));
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>导入话术库</Button>
      </Upload>
      {pending && (
        <Modal
          open
          title={`导入「${pending.name}」`}
          okText="确认导入"
          cancelText="取消"
          confirmLoading={applying}
          okButtonProps={{ disabled: pending.report.added.length + pending.report.updated.length === 0 }}
          onOk={() => void apply()}
          onCancel={() => setPending(null)}
        >
          {SECTIONS.map(({ key, title, type }) =>
            pending.report[key].length ? (
              <div key={key} aria-label={title}>
                <Typography.Text strong type={type}>
                  {title}（{pending.report[key].length}）
                </Typography.Text>
                <List
                  size="small"
                  dataSource={pending.report[key].slice(0, 20)}
                  renderItem={(item: { title: string; reason?: string }) => (
                    <List.Item>
                      {item.title}
                      {item.reason && <Typography.Text type="secondary">：{item.reason}</Typography.Text>}
                    </List.Item>
                  )}
                />
              </div>
            ) : null,
          )}
        </Modal>
      )}
    </Space>
  );
}
