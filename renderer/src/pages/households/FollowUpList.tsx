import { Button, Empty, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FollowUp, HouseholdRecord } from '../../../../electron/contract';
import { followUpEntryKey } from '../../../../domain/follow-up-rules';
import { QueueActionDialog, type QueueTarget } from '../today/QueueActionDialog';
import { RepairDoneDialog } from './RepairDoneDialog';

/** Follow-ups a steward closes by hand (a promise check closes itself when the ledger shows the payment). */
const closable = (followUp: FollowUp): followUp is FollowUp & { kind: Exclude<FollowUp['kind'], 'promise-check'> } => followUp.status === 'open' && followUp.kind !== 'promise-check';

const actionText = { complete: '完成', snooze: '暂缓', reassign: '转交' } as const;

/**
 * 跟进任务 on a household's record: each follow-up with its day, time and owner; open revisits, replies and
 * callbacks can be marked done here (a done repair revisit lifts the collection pause).
 */
export function FollowUpList({ record, today, onChanged }: { record: HouseholdRecord; today: string; onChanged(): void }) {
  const [target, setTarget] = useState<QueueTarget | null>(null);
  const [repairDone, setRepairDone] = useState<HouseholdRecord['grievances'][number] | null>(null);
  // An open revisit's repair, while its completion is not recorded: 维修已完成 moves the revisit to the 规程's day.
  const unfinishedRepairOf = (followUp: FollowUp) =>
    followUp.kind === 'repair-revisit' && followUp.status === 'open' ? record.grievances.find((entry) => entry.id === followUp.sourceId && entry.status === 'open' && !entry.completedOn) : undefined;
  const { household } = record;
  if (record.followUps.length === 0 && record.queueActions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无跟进任务" />;
  return (
    <>
      {record.followUps.length > 0 && (
        <ul className="plain-list" aria-label="跟进任务">
          {record.followUps.map((followUp) => (
            <li key={followUp.id}>
              {followUp.dueDate}
              {followUp.dueTime ? ` ${followUp.dueTime}` : ''} {followUp.title}
              {followUp.owner !== undefined && <Typography.Text type="secondary">（{followUp.owner ?? '团队池'}）</Typography.Text>}{' '}
              <FollowUpState followUp={followUp} record={record} />
              {followUp.doneReason && <Typography.Text type="secondary">{followUp.doneReason}</Typography.Text>}
              <RepairProgress followUp={followUp} record={record} />
              {unfinishedRepairOf(followUp) && (
                <Button size="small" type="link" aria-label={`维修已完成：${followUp.title}`} onClick={() => setRepairDone(unfinishedRepairOf(followUp)!)}>
                  维修已完成
                </Button>
              )}
              {closable(followUp) && (
                <Button
                  size="small"
                  type="link"
                  aria-label={`标记完成：${followUp.title}`}
                  onClick={() =>
                    setTarget({
                      householdId: household.id,
                      community: household.community,
                      roomLabel: household.roomLabel,
                      kind: followUp.kind,
                      // The dialog names the kind itself: 维修回访：…, not 维修回访：维修回访：….
                      reason: followUp.title.replace(/^(维修回访|投诉答复)：/, ''),
                      entryKey: followUpEntryKey(followUp.kind, followUp.id),
                      owner: followUp.owner ?? null,
                    })
                  }
                >
                  标记完成
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {record.queueActions.length > 0 && (
        <>
          <Typography.Text type="secondary">处理记录</Typography.Text>
          <ul className="plain-list" aria-label="跟进处理记录">
            {record.queueActions.map((action) => (
              <li key={action.id}>
                <Typography.Text type="secondary">{dayjs(action.at).format('YYYY-MM-DD HH:mm')}</Typography.Text> {action.steward} {actionText[action.action]}
                {action.action === 'snooze' && ` 到 ${action.until}`}
                {action.action === 'reassign' && ` 给 ${action.assignee ?? '团队池'}`}
                {action.reason && `：${action.reason}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {repairDone && (
        <RepairDoneDialog
          repair={repairDone}
          today={today}
          onCancel={() => setRepairDone(null)}
          onDone={() => {
            setRepairDone(null);
            onChanged();
          }}
        />
      )}
      {target && (
        <QueueActionDialog
          row={target}
          action="complete"
          today={today}
          stewards={[]}
          onCancel={() => setTarget(null)}
          onDone={() => {
            setTarget(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

/** Still to do: open, and for a promise check, its promise neither kept nor broken. */
export function isOpenFollowUp(followUp: FollowUp, promises: HouseholdRecord['promises']): boolean {
  if (followUp.status !== 'open') return false;
  if (followUp.kind !== 'promise-check') return true;
  return (promises.find((entry) => entry.id === followUp.sourceId)?.status ?? 'pending') === 'pending';
}

/**
 * Where a follow-up stands. A promise check follows its promise: once the ledger shows the payment it is 已兑现,
 * once the grace days pass without one 已失约 — not 待办 for ever.
 */
function FollowUpState({ followUp, record }: { followUp: FollowUp; record: Pick<HouseholdRecord, 'promises'> }) {
  if (followUp.kind === 'promise-check') {
    const promise = record.promises.find((entry) => entry.id === followUp.sourceId);
    if (promise?.status === 'kept') return <Tag color="green">已兑现</Tag>;
    if (promise?.status === 'broken') return <Tag color="red">已失约</Tag>;
    if (promise?.status === 'cancelled') return <Tag>已取消</Tag>;
  }
  return <Tag color={followUp.status === 'open' ? 'orange' : 'green'}>{followUp.status === 'open' ? '待办' : '已完成'}</Tag>;
}

/** A repair revisit's standing against the 规程: counted from the repair's completion once it is recorded. */
function RepairProgress({ followUp, record }: { followUp: FollowUp; record: Pick<HouseholdRecord, 'grievances'> }) {
  if (followUp.kind !== 'repair-revisit') return null;
  const repair = record.grievances.find((entry) => entry.id === followUp.sourceId);
  if (!repair?.completedOn) return followUp.status === 'open' ? <Typography.Text type="secondary">（维修未完成，先跟进进度）</Typography.Text> : null;
  return <Typography.Text type="secondary">（{repair.completedOn} 修好{repair.leakTestOn ? `，${repair.leakTestOn} 试漏` : ''}）</Typography.Text>;
}
