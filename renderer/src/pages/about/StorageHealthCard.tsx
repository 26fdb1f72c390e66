import { Alert, Button, Card, Table, Tag } from 'antd';
import type { AppStatus, DataFileHealth, DataFileState } from '../../../../electron/contract';
import { formatBytes, formatDateTime } from '../../format';

const stateTags: Record<DataFileState, { color: string; text: string }> = {
  ok: { color: 'success', text: '正常' },
  missing: { color: 'warning', text: '尚未创建' },
  error: { color: 'error', text: '异常' },
};

export function StorageHealthCard({ storage, loading, onRecheck }: { storage: AppStatus['storage']; loading: boolean; onRecheck(): void }) {
  const broken = storage.files.filter((file) => file.state === 'error');
  return (
    <Card
      title="数据存储"
      extra={
        <Button onClick={onRecheck} loading={loading}>
          重新检查
        </Button>
      }
    >
      {broken.length === 0 ? (
        <Alert type="success" showIcon title="全部数据文件正常" />
      ) : (
        <Alert
          type="error"
          showIcon
          title={`${broken.length} 个数据文件异常，相关功能暂停写入以免丢失数据`}
          description={
            <ul className="plain-list">
              {broken.map((file) => (
                <li key={file.id}>{file.error}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<DataFileHealth>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={storage.files}
        columns={[
          { title: '内容', dataIndex: 'label' },
          { title: '文件', dataIndex: 'fileName' },
          { title: '结构版本', dataIndex: 'schemaVersion', align: 'right' },
          { title: '大小', dataIndex: 'sizeBytes', align: 'right', render: formatBytes },
          { title: '最后修改', dataIndex: 'modifiedAt', render: formatDateTime },
          {
            title: '状态',
            dataIndex: 'state',
            render: (state: DataFileState) => <Tag color={stateTags[state].color}>{stateTags[state].text}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
