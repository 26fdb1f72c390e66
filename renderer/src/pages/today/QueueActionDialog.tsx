import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, type QueueAction, type QueueRow } from '../../../../electron/contract';
import { addDays } from '../../../../domain/dates';
import { parseEntryKey, queueKinds, type RosterMember } from '../../../../domain/follow-up-rules';
import { snoozeProblem } from '../../../../domain/queue-actions';
import { noticeDeadline, noticeDeadlineProblem, noticeNeedsDeadline, type NoticeKind } from '../../../../domain/notice-ladder';
import { useApi } from '../../api/api-context';
import { completeReasons, snoozeReasons } from './queue-reasons';

export type QueueActionKind = 'complete' | 'snooze' | 'reassign';

/** The team pool in the assignee select (null on the wire). */
const POOL = '__pool__';

/** What can be acted on: a row of the queue, or an open follow-up on a household's record. */
export type QueueTarget = Pick<QueueRow, 'householdId' | 'community' | 'roomLabel' | 'kind' | 'reason' | 'entryKey' | 'owner'> & Partial<Pick<QueueRow, 'ownerId'>>;

interface Props {
  row: QueueTarget;
  action: QueueActionKind;
  today: string;
  /** Whom the household can go to (followups.assignees). */
  stewards: readonly RosterMember[];
  onDone(action: QueueAction): void;
  onCancel(): void;
}

const titles: Record<QueueActionKind, string> = { complete: '标记完成', snooze: '暂缓跟进', reassign: '转给其他管家' };

/** Complete the row's entry, snooze the household, or hand it to someone else — always with a reason. */
export function QueueActionDialog({ row, action, today, stewards, onDone, onCancel }: Props) {
  const api = useApi();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<Dayjs | null>(dayjs(addDays(today, 3)));
  // The current owner when they are on the roster (by id, or by name on records from before ids); otherwise the team pool.
  const current = stewards.find((member) => (row.ownerId ? member.id === row.ownerId : member.name === row.owner));
  const [assignee, setAssignee] = useState<string>(current?.id ?? POOL);
  // Issuing a 限期缴费通知书: the deadline printed on it.
  const parsedKey = parseEntryKey(row.entryKey);
  const needsDeadline = action === 'complete' && parsedKey?.kind === 'notice' && noticeNeedsDeadline(parsedKey.ref as NoticeKind);
  const [deadline, setDeadline] = useState<Dayjs | null>(dayjs(addDays(today, noticeDeadline.defaultDays)));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const quick = action === 'complete' ? completeReasons[row.kind] : action === 'snooze' ? snoozeReasons : [];
  const kindLabel = queueKinds.find((entry) => entry.id === row.kind)!.label;

  const submit = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const input =
        action === 'complete'
          ? { action, householdId: row.householdId, entryKey: row.entryKey, reason, ...(needsDeadline && deadline ? { deadline: deadline.format('YYYY-MM-DD') } : {}) }
          : action === 'snooze'
            ? { action, householdId: row.householdId, until: until?.format('YYYY-MM-DD') ?? '', reason }
            : { action, householdId: row.householdId, assigneeId: assignee === POOL ? null : assignee, reason };
      const result = await api['followups.act'](input);
      onDone(result.action);
    } catch (error) {
      const text = error instanceof ApiError ? error.message : String(error);
      setProblem(text);
      message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${titles[action]}：${row.community} ${row.roomLabel}`}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={saving} disabled={action !== 'reassign' && !reason.trim()} onClick={() => void submit()}>
          确定
        </Button>,
      ]}
    >
      <Form layout="vertical">
        {action === 'complete' && <Form.Item label="跟进项">{`${kindLabel}：${row.reason}`}</Form.Item>}
        {needsDeadline && (
          <Form.Item label="缴费期限" extra={`写在通知书上的期限，发出后 ${noticeDeadline.minDays}–${noticeDeadline.maxDays} 天；期限过后仍未缴，欠费满一年的转律师函`} required>
            <DatePicker
              aria-label="缴费期限"
              value={deadline}
              allowClear={false}
              onChange={setDeadline}
              disabledDate={(day) => noticeDeadlineProblem(day.format('YYYY-MM-DD'), today) !== null}
            />
          </Form.Item>
        )}
        {action === 'snooze' && (
          <Form.Item label="暂缓到" extra="这一户在这天之前不出现在跟进列表里" required>
            <DatePicker
              aria-label="暂缓到"
              value={until}
              allowClear={false}
              onChange={setUntil}
              disabledDate={(day) => snoozeProblem(day.format('YYYY-MM-DD'), today) !== null}
            />
          </Form.Item>
        )}
        {action === 'reassign' && (
          <Form.Item label="转给">
            <Select
              aria-label="转给"
              value={assignee}
              onChange={setAssignee}
              options={[{ value: POOL, label: '团队池（任何管家）' }, ...stewards.map((member) => ({ value: member.id, label: member.name }))]}
            />
          </Form.Item>
        )}
        <Form.Item label={action === 'reassign' ? '原因（可不填）' : '原因'} required={action !== 'reassign'} validateStatus={problem ? 'error' : ''} help={problem}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {quick.length > 0 && (
              <Space wrap size={4}>
                {quick.map((text) => (
                  <Tag.CheckableTag key={text} checked={reason === text} onChange={() => setReason(text)}>
                    {text}
                  </Tag.CheckableTag>
                ))}
              </Space>
            )}
            <Input.TextArea aria-label="原因" value={reason} maxLength={200} autoSize={{ minRows: 2 }} onChange={(event) => setReason(event.target.value)} placeholder="写明原因，记在这一户的档案里" />
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}
