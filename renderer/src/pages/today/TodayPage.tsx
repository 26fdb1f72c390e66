import { Alert, Button, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { QueueRow } from '../../../../electron/contract';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { useBackendToday } from '../../hooks/use-today';
import { queueColumns } from './queue-columns';
import { QueueKindCards } from './QueueKindCards';
import { RevisitLine } from './RevisitLine';
import { TodayDialogs, type QueueDialog } from './TodayDialogs';
import { TodayToolbar } from './TodayToolbar';
import { useQueueCalls } from './use-queue-calls';
import { ownerParam, PAGE_SIZE, useQueueFilters } from './use-queue-filters';
import { useQueueHighlight } from './use-queue-highlight';
import { useQueueKeys } from './use-queue-keys';
import { useUndoNotice } from './use-undo-notice';

/** 今日跟进: the day's list, most urgent first, each with the reason it is there; filtered and paged by the backend. */
export function TodayPage() {
  const api = useApi();
  // Null until the backend has said: the first request then lets the backend choose the day.
  const backendToday = useBackendToday();
  const filters = useQueueFilters();
  const { kind, community, owner, page, setPage } = filters;
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<QueueDialog | null>(null);
  const [teamTick, setTeamTick] = useState(0);
  const day = filters.date ?? backendToday ?? null;
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
  const people = useApiData(() => api['followups.assignees']({}), [api, teamTick]);
  const me = people.data?.me.name ?? '';
  const stewards = people.data?.assignable ?? [];

  const visible = queue.data?.rows ?? [];
  const pages = Math.max(1, Math.ceil((queue.data?.total ?? 0) / PAGE_SIZE));
  // The last rows of the last page were handled: show the page before.
  if (queue.data && !queue.loading && page > pages) setPage(pages);
  const { current, select, moveTo, enterAt } = useQueueHighlight(visible);
  const calls = useQueueCalls();
  const undoNotice = useUndoNotice(queue.reload);
  const openDialog = (row: QueueRow, action: QueueDialog['action']) => setDialog({ row, action });
  useQueueKeys({ paused: !!dialog || editing, visible, current, page, pages, setPage, moveTo, enterAt, startCall: calls.startCall, openAction: openDialog });

  if (queue.error && !queue.data) return <Alert type="error" showIcon title="无法读取今日跟进" description={queue.error.message} action={<Button onClick={queue.reload}>重试</Button>} />;
  if (!queue.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { counts, communities, total } = queue.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <TodayToolbar
        date={queue.data.date}
        isToday={queue.data.date === backendToday}
        onDateChange={filters.chooseDate}
        communities={communities}
        community={community}
        onCommunityChange={filters.chooseCommunity}
        owner={owner}
        onOwnerChange={filters.chooseOwner}
        me={me}
        stewards={stewards.map((member) => member.name)}
        onEditTeam={() => setEditing(true)}
      />
      {/* One at a time: each covers the page (and the keys) while it is open. */}
      {(editing || dialog) && (
        <TodayDialogs
          editingTeam={editing}
          onTeamClose={() => setEditing(false)}
          onTeamSaved={() => {
            setEditing(false);
            setTeamTick((n) => n + 1);
            queue.reload();
          }}
          dialog={dialog}
          onDialogClose={() => setDialog(null)}
          onMessageSent={() => {
            setDialog(null);
            queue.reload();
          }}
          onActed={(action) => {
            setDialog(null);
            queue.reload();
            undoNotice(action);
          }}
          today={backendToday ?? queue.data.date}
          stewards={stewards}
        />
      )}
      <QueueKindCards counts={counts} kind={kind} onKindChange={filters.chooseKind} />
      <RevisitLine revisits={queue.data.revisits} />
      {total === 0 ? (
        <Empty description={filters.narrowed ? '没有符合筛选条件的跟进' : '今天没有要跟进的，辛苦了'} />
      ) : (
        <Table<QueueRow>
          aria-label="跟进列表"
          size="small"
          loading={queue.loading}
          rowKey={(row) => `${row.householdId}-${row.kind}`}
          dataSource={visible}
          pagination={{ pageSize: PAGE_SIZE, current: page, total, onChange: setPage, showSizeChanger: false, size: 'small', showTotal: (count) => `共 ${count} 户` }}
          columns={queueColumns({ ...calls, openDialog })}
          rowClassName={(row) => (row === current ? 'row-selected' : '')}
          onRow={(row) => ({ onClick: () => select(row), onDoubleClick: () => calls.openRecord(row) })}
          footer={() => <Typography.Text type="secondary">↑↓ 选择 · Enter 开始通话（通话结束后回到这里，继续下一户） · D 完成 · S 暂缓 · R 转给 · 双击查看档案</Typography.Text>}
        />
      )}
    </Space>
  );
}
