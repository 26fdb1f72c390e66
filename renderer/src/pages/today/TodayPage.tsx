import { Alert, Button, Card, DatePicker, Empty, Select, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { QueueRow } from '../../../../electron/contract';
import { queueKinds, type QueueKind } from '../../../../domain/follow-up-rules';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { formatYuan } from '../../money';
import { useStatusStore } from '../../stores/status-store';
import { TeamSettingsDrawer } from './TeamSettingsDrawer';

const kindColors: Record<QueueKind, string> = {
  'broken-promise': 'red',
  'promise-due': 'volcano',
  callback: 'blue',
  'repair-revisit': 'cyan',
  'complaint-reply': 'purple',
  'promise-message': 'gold',
  notice: 'orange',
  'monthly-round': 'default',
};

/** 今日跟进: the day's list, most urgent first, each with the reason it is there. */
export function TodayPage() {
  const api = useApi();
  const navigate = useNavigate();
  const backendToday = useStatusStore((state) => state.status?.today);
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<QueueKind | null>(null);
  const [community, setCommunity] = useState<string | undefined>();
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const day = date ?? backendToday ?? null;
  const queue = useApiData(() => api['followups.today'](day ? { date: day } : {}), [api, day]);

  const visible = (queue.data?.rows ?? []).filter((row) => (!kind || row.kind === kind) && (!community || row.community === community));
  // The highlighted row: the one chosen with ↑↓, else the first that may be called now.
  const current = visible.find((row) => row.householdId === selected) ?? visible.find((row) => row.callable) ?? visible[0];
  const startCall = (row: QueueRow | undefined) => {
    if (row?.callable) navigate(`/call/${encodeURIComponent(row.householdId)}?from=today`);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const index = current ? visible.indexOf(current) : -1;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = visible[Math.min(visible.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
        if (next) setSelected(next.householdId);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        startCall(current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (queue.error && !queue.data) return <Alert type="error" showIcon title="无法读取今日跟进" description={queue.error.message} action={<Button onClick={queue.reload}>重试</Button>} />;
  if (!queue.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const communities = [...new Set(queue.data.rows.map((row) => row.community))].sort();
  const rows = visible;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {queue.data.date === backendToday ? '今日跟进' : `${queue.data.date} 的跟进`}
        </Typography.Title>
        <DatePicker aria-label="跟进日期" value={dayjs(queue.data.date)} allowClear={false} onChange={(value) => setDate(value ? value.format('YYYY-MM-DD') : null)} />
        <Select aria-label="小区" allowClear placeholder="全部小区" style={{ width: 150 }} value={community} onChange={setCommunity} options={communities.map((name) => ({ value: name, label: name }))} />
        <Button onClick={() => setEditing(true)}>团队设置</Button>
      </Space>
      {editing && (
        <TeamSettingsDrawer
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            queue.reload();
          }}
        />
      )}
      <div className="today-cards">
        {queueKinds.map((entry) => (
          <Card key={entry.id} size="small" hoverable className={kind === entry.id ? 'active' : ''} onClick={() => setKind(kind === entry.id ? null : entry.id)} aria-label={entry.label}>
            <Statistic title={entry.label} value={queue.data!.counts[entry.id]} />
          </Card>
        ))}
      </div>
      {rows.length === 0 ? (
        <Empty description={kind ? '这一类今天没有要跟进的' : '今天没有要跟进的，辛苦了'} />
      ) : (
        <Table<QueueRow>
          aria-label="跟进列表"
          size="small"
          rowKey={(row) => `${row.householdId}-${row.kind}`}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
          columns={[
            { title: '类别', dataIndex: 'kind', width: 110, render: (value: QueueKind) => <Tag color={kindColors[value]}>{queueKinds.find((entry) => entry.id === value)!.label}</Tag> },
            {
              title: '房屋',
              render: (_value, row) => (
                <span>
                  <Typography.Text type="secondary">{row.community} </Typography.Text>
                  {row.roomLabel} {row.ownerName}
                </span>
              ),
            },
            {
              title: '原因',
              render: (_value, row) => (
                <span>
                  {row.reason}
                  {row.moreReasons.length > 0 && <Typography.Text type="secondary">（另有：{row.moreReasons.join('；')}）</Typography.Text>}
                </span>
              ),
            },
            { title: '欠费', dataIndex: 'owedFen', align: 'right', width: 120, render: (value: number) => formatYuan(value) },
            {
              title: '',
              width: 130,
              render: (_value, row) =>
                row.callable ? (
                  <Button size="small" type="primary" onClick={() => startCall(row)}>
                    开始通话
                  </Button>
                ) : (
                  <Tooltip title={row.notCallableBecause.join('；')}>
                    <Tag>暂不可拨</Tag>
                  </Tooltip>
                ),
            },
          ]}
          rowClassName={(row) => (row === current ? 'row-selected' : '')}
          onRow={(row) => ({ onClick: () => setSelected(row.householdId), onDoubleClick: () => navigate(`/households/${encodeURIComponent(row.householdId)}`) })}
          footer={() => <Typography.Text type="secondary">↑↓ 选择 · Enter 开始通话（通话结束后回到这里，继续下一户） · 双击查看档案</Typography.Text>}
        />
      )}
    </Space>
  );
}
