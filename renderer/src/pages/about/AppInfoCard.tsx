import { Card, Descriptions, Typography } from 'antd';
import type { AppStatus } from '../../../../electron/contract';
import { formatDateTime } from '../../format';

export function AppInfoCard({ status }: { status: AppStatus }) {
  return (
    <Card title="关于">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: '程序', children: status.appName },
          { key: 'version', label: '版本', children: status.version },
          { key: 'mode', label: '运行方式', children: status.mode === 'electron' ? '桌面程序' : '浏览器模式（本机）' },
          { key: 'started', label: '启动时间', children: formatDateTime(status.startedAt) },
          {
            key: 'dataDir',
            label: '数据目录',
            children: <Typography.Text copyable={{ tooltips: ['复制', '已复制'] }}>{status.dataDir}</Typography.Text>,
          },
          { key: 'node', label: 'Node.js', children: status.nodeVersion },
        ]}
      />
    </Card>
  );
}
