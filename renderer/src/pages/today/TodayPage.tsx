import { Alert, App, Button, Card, DatePicker, Empty, Select, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { QueueAction, QueueRow, TodayQueue } from '../../../../electron/contract';
import { queueKinds, type QueueKind } from '../../../../domain/follow-up-rules';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { useBackendToday } from '../../hooks/use-today';
import { formatYuan } from '../../money';
import { MessageDialog } from './MessageDialog';
import { QueueActionDialog, type QueueActionKind } from './QueueActionDialog';
import { TeamSettingsDrawer } from './TeamSettingsDrawer';
import { assignableStewards, messageSettles } from '../../../../domain/queue-actions';

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

/** The 负责人 filter's choices besides a steward's name. */
const ALL = '__all__';
const POOL = '__pool__';

/** The filter as the backend takes it: absent for everyone, null for the team pool, or a steward's name. */
const ownerParam = (choice: string): { owner?: string | null } => (choice === ALL ? {} : { owner: choice === POOL ? null : choice });

const actionLabels: Record<QueueActionKind, string> = { complete: '已标记完成', snooze: '已暂缓', reassign: '已转交' };

const PAGE_SIZE = 50;

/** Letter keys for the highlighted row (outside text fields). */
const actionKeys: Record<string, QueueActionKind> = { d: 'complete', s: 'snooze', r: 'reassign' };

/** 今日跟进: the day's list, most urgent first, each with the reason it is there; filtered and paged by the backend. */
export function TodayPage() {
  const api = useApi();
  const navigate = useNavigate();
  // Null until the backend has said: the first request then lets the backend choose the day.
  const backendToday = useBackendToday();
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<QueueKind | null>(null);
  const [community, setCommunity] = useState<string | undefined>();
  const [owner, setOwner] = useState(ALL);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  // After ↑↓ crossed into another page: highlight its first or last row once it arrives.
  const [edge, setEdge] = useState<'first' | 'last' | null>(null);
  const [dialog, setDialog] = useState<{ row: QueueRow; action: QueueActionKind | 'message' } | null>(null);
  const [teamTick, setTeamTick] = useState(0);
  const { message } = App.useApp();
  const day = date ?? backendToday ?? null;
  const queue = useApiData(
    () =>
      api['followups.today']({
        ...(day ? { date: day } : {}),
        ...(kind ? { kind } : {}),
        ...(community ? { community } : {}),
        ...ownerParam(owner),
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    [api, day, kind, community, owner, page],
  );
  const people = useApiData(async () => ({ me: (await api['settings.get']({})).stewardName, team: (await api['teamSettings.get']({})).stewards }), [api, teamTick]);
  const me = people.data?.me ?? '';
  const stewards = assignableStewards(people.data?.team ?? [], me ?? '');
  /** A new filter starts again at its first page. */
  const filtered = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  const visible = queue.data?.rows ?? [];
  const pages = Math.max(1, Math.ceil((queue.data?.total ?? 0) / PAGE_SIZE));
  // The last rows of the last page were handled: show the page before.
  if (queue.data && !queue.loading && page > pages) setPage(pages);
  // The highlighted row: the one chosen with ↑↓, else the first that may be called now.
  const current =
    (edge === 'first' ? visible[0] : edge === 'last' ? visible[visible.length - 1] : undefined) ??
    visible.find((row) => row.householdId === selected) ??
    visible.find((row) => row.callable) ??
    visible[0];
  const callPath = (row: QueueRow) => `/call/${encodeURIComponent(row.householdId)}?from=today`;
  const startCall = (row: QueueRow | undefined) => {
    if (row?.callable) navigate(callPath(row));
  };
  // 暂不可拨, but the steward must call anyway: the call page shows the reasons and asks why.
  const callAnyway = (row: QueueRow) => navigate(callPath(row));
  // 维修回访 / 投诉答复: the call the steward owes the owner (only the call windows apply to it).
  const revisitCall = (row: QueueRow, followUpId: string) =>
    navigate(`/call/${encodeURIComponent(row.householdId)}?purpose=revisit&followUp=${encodeURIComponent(followUpId)}&from=today`);
  const acted = (action: QueueAction) => {
    setDialog(null);
    queue.reload();
    const key = `queue-${action.id}`;
    const undo = async () => {
      message.destroy(key);
      try {
        await api['followups.undo']({ householdId: action.householdId, actionId: action.id });
        message.success('已撤销');
      } catch (error) {
        message.error(error instanceof Error ? error.message : String(error));
      }
      queue.reload();
    };
    message.success({
      key,
      duration: 8,
      content: (
        <span>
          {actionLabels[action.action]}
          <Button type="link" size="small" onClick={() => void undo()}>
            撤销
          </Button>
        </span>
      ),
    });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Keys belong to whatever has focus: a field, a button, a dialog or a message (a nav link may keep focus:
      // Enter then still starts the highlighted call).
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, [role="button"], [role="combobox"], [contenteditable="true"], .ant-modal, .ant-message')) return;
      if (event.altKey || event.ctrlKey || event.metaKey || dialog || editing) return;
      const index = current ? visible.indexOf(current) : -1;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next = visible[index + step];
        if (next) {
          setSelected(next.householdId);
          setEdge(null);
        } else if (page + step >= 1 && page + step <= pages) {
          // Past the page's edge: on to the next (or previous) page, keeping the highlight on screen.
          setPage(page + step);
          setEdge(step > 0 ? 'first' : 'last');
          setSelected(null);
        }
      } else if (event.key === 'Enter') {
        event.preventDefault();
        startCall(current);
      } else if (current && actionKeys[event.key.toLowerCase()]) {
        event.preventDefault();
        setDialog({ row: current, action: actionKeys[event.key.toLowerCase()]! });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (queue.error && !queue.data) return <Alert type="error" showIcon title="无法读取今日跟进" description={queue.error.message} action={<Button onClick={queue.reload}>重试</Button>} />;
  if (!queue.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { counts, communities, total } = queue.data;
  const rows = visible;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {queue.data.date === backendToday ? '今日跟进' : `${queue.data.date} 的跟进`}
        </Typography.Title>
        <DatePicker aria-label="跟进日期" value={dayjs(queue.data.date)} allowClear={false} onChange={(value) => filtered(setDate)(value ? value.format('YYYY-MM-DD') : null)} />
        <Select aria-label="小区" allowClear placeholder="全部小区" style={{ width: 150 }} value={community} onChange={filtered(setCommunity)} options={communities.map((name) => ({ value: name, label: name }))} />
        <Select
          aria-label="负责人"
          style={{ width: 170 }}
          value={owner}
          onChange={filtered(setOwner)}
          options={[
            { value: ALL, label: '全部负责人' },
            ...(me ? [{ value: me, label: `我的（${me}）` }] : []),
            { value: POOL, label: '团队池' },
            ...stewards.filter((name) => name !== me).map((name) => ({ value: name, label: name })),
          ]}
        />
        <Button onClick={() => setEditing(true)}>团队设置</Button>
      </Space>
      {editing && (
        <TeamSettingsDrawer
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setTeamTick((n) => n + 1);
            queue.reload();
          }}
        />
      )}
      {dialog?.action === 'message' && (
        <MessageDialog
          row={dialog.row}
          onCancel={() => setDialog(null)}
          onSent={() => {
            setDialog(null);
            queue.reload();
          }}
        />
      )}
      {dialog && dialog.action !== 'message' && (
        <QueueActionDialog row={dialog.row} action={dialog.action} today={backendToday ?? queue.data.date} stewards={stewards} onDone={acted} onCancel={() => setDialog(null)} />
      )}
      <div className="today-cards">
        {queueKinds.map((entry) => (
          <Card
            key={entry.id}
            size="small"
            hoverable
            className={kind === entry.id ? 'active' : ''}
            role="button"
            tabIndex={0}
            aria-pressed={kind === entry.id}
            aria-label={`${entry.label} ${counts[entry.id]}`}
            onClick={() => filtered(setKind)(kind === entry.id ? null : entry.id)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              filtered(setKind)(kind === entry.id ? null : entry.id);
            }}
          >
            <Statistic title={entry.label} value={counts[entry.id]} />
          </Card>
        ))}
      </div>
      <RevisitLine revisits={queue.data.revisits} />
      {total === 0 ? (
        <Empty description={kind || community || owner !== ALL ? '没有符合筛选条件的跟进' : '今天没有要跟进的，辛苦了'} />
      ) : (
        <Table<QueueRow>
          aria-label="跟进列表"
          size="small"
          loading={queue.loading}
          rowKey={(row) => `${row.householdId}-${row.kind}`}
          dataSource={rows}
          pagination={{ pageSize: PAGE_SIZE, current: page, total, onChange: setPage, showSizeChanger: false, size: 'small', showTotal: (count) => `共 ${count} 户` }}
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
            { title: '欠费', dataIndex: 'owedFen', align: 'right', width: 110, render: (value: number) => formatYuan(value) },
            { title: '负责人', dataIndex: 'owner', width: 90, render: (value: string | null) => value ?? <Typography.Text type="secondary">团队池</Typography.Text> },
            {
              title: '',
              width: 420,
              render: (_value, row) => (
                <Space size={4} wrap>
                  {(row.kind === 'repair-revisit' || row.kind === 'complaint-reply') && row.followUpId && (
                    <Button size="small" type="primary" ghost onClick={() => revisitCall(row, row.followUpId!)}>
                      回访通话
                    </Button>
                  )}
                  {row.kind === 'promise-message' ? null : row.callable ? (
                    <Button size="small" type="primary" onClick={() => startCall(row)}>
                      开始通话
                    </Button>
                  ) : (
                    <>
                      <Tooltip title={row.notCallableBecause.join('；')}>
                        <Tag aria-label={`暂不可拨：${row.notCallableBecause.join('；')}`}>暂不可拨</Tag>
                      </Tooltip>
                      <Button size="small" danger aria-label={`仍要拨打：${row.community} ${row.roomLabel}`} title={row.notCallableBecause.join('；')} onClick={() => callAnyway(row)}>
                        仍要拨打
                      </Button>
                    </>
                  )}
                  {messageSettles(row.kind) && (
                    <Button size="small" type={row.kind === 'promise-message' ? 'primary' : 'default'} onClick={() => setDialog({ row, action: 'message' })}>
                      发提醒
                    </Button>
                  )}
                  <Button size="small" type="link" aria-label={`完成：${row.community} ${row.roomLabel}`} onClick={() => setDialog({ row, action: 'complete' })}>
                    完成
                  </Button>
                  <Button size="small" type="link" aria-label={`暂缓：${row.community} ${row.roomLabel}`} onClick={() => setDialog({ row, action: 'snooze' })}>
                    暂缓
                  </Button>
                  <Button size="small" type="link" aria-label={`转给：${row.community} ${row.roomLabel}`} onClick={() => setDialog({ row, action: 'reassign' })}>
                    转给
                  </Button>
                </Space>
              ),
            },
          ]}
          rowClassName={(row) => (row === current ? 'row-selected' : '')}
          onRow={(row) => ({ onClick: () => setSelected(row.householdId), onDoubleClick: () => navigate(`/households/${encodeURIComponent(row.householdId)}`) })}
          footer={() => <Typography.Text type="secondary">↑↓ 选择 · Enter 开始通话（通话结束后回到这里，继续下一户） · D 完成 · S 暂缓 · R 转给 · 双击查看档案</Typography.Text>}
        />
      )}
    </Space>
  );
}

/** The month's repair revisits against the 规程's 100%: on time, late, not yet done. */
function RevisitLine({ revisits }: { revisits: TodayQueue['revisits'] }) {
  if (revisits.due === 0) return null;
  const rate = Math.round((revisits.onTime / revisits.due) * 100);
  return (
    <Typography.Text aria-label="本月维修回访">
      {Number(revisits.month.slice(5))} 月维修回访及时率 <Tag color={rate === 100 ? 'green' : 'orange'}>{rate}%</Tag>
      应回访 {revisits.due} 户，按时 {revisits.onTime}
      {revisits.late > 0 && `，超时 ${revisits.late}`}
      {revisits.missing > 0 && `，未回访 ${revisits.missing}`}（规程要求 100%，维修完成后 2 天、渗漏试漏后 3 天内）
    </Typography.Text>
  );
}
