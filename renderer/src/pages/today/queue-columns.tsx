/** The columns of 跟进列表: kind, room, reason, arrears, 负责人, and the row's calls and actions. */
import { Button, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { QueueRow } from '../../../../electron/contract';
import { queueKinds, type QueueKind } from '../../../../domain/follow-up-rules';
import { messageSettles } from '../../../../domain/queue-actions';
import { formatYuan } from '../../money';
import type { QueueDialogAction } from './TodayDialogs';

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

export interface QueueRowActions {
  startCall(row: QueueRow): void;
  callAnyway(row: QueueRow): void;
  revisitCall(row: QueueRow, followUpId: string): void;
  openDialog(row: QueueRow, action: QueueDialogAction): void;
}

export function queueColumns({ startCall, callAnyway, revisitCall, openDialog }: QueueRowActions): TableColumnsType<QueueRow> {
  return [
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
          {row.claimedBy ? (
            // Team mode: another steward is on the phone with this household.
            <Tag color="orange" aria-label={`正在由 ${row.claimedBy} 通话`}>
              正在由 {row.claimedBy} 通话
            </Tag>
          ) : row.kind === 'promise-message' ? null : row.callable ? (
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
            <Button size="small" type={row.kind === 'promise-message' ? 'primary' : 'default'} onClick={() => openDialog(row, 'message')}>
              发提醒
            </Button>
          )}
          <Button size="small" type="link" aria-label={`完成：${row.community} ${row.roomLabel}`} onClick={() => openDialog(row, 'complete')}>
            完成
          </Button>
          <Button size="small" type="link" aria-label={`暂缓：${row.community} ${row.roomLabel}`} onClick={() => openDialog(row, 'snooze')}>
            暂缓
          </Button>
          <Button size="small" type="link" aria-label={`转给：${row.community} ${row.roomLabel}`} onClick={() => openDialog(row, 'reassign')}>
            转给
          </Button>
        </Space>
      ),
    },
  ];
}
