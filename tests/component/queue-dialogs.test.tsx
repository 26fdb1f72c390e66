/** Working a row of 今日跟进: complete / snooze / reassign with a reason, and the day-before message. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type QueueRow } from '../../electron/contract';
import { defaultEntries } from '../../scripts-library/default-library';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { FollowUpList } from '../../renderer/src/pages/households/FollowUpList';
import { MessageDialog } from '../../renderer/src/pages/today/MessageDialog';
import { QueueActionDialog, type QueueActionKind } from '../../renderer/src/pages/today/QueueActionDialog';
import { fakeApi, recordFixture } from './support/fake-api';

const row = (overrides: Partial<QueueRow> = {}): QueueRow => ({
  householdId: '观山水|8-2-1203',
  community: '观山水',
  roomLabel: '8栋2单元1203',
  ownerName: '欧阳澜',
  owedFen: 261_900,
  monthsOverdue: 2,
  kind: 'notice',
  reason: '应发催费通知书（欠费 2 个月）',
  moreReasons: [],
  priority: 7,
  entryKey: 'notice:催费通知书:2026-11',
  owner: null,
  ownerId: null,
  dueTime: null,
  followUpId: null,
  callable: true,
  notCallableBecause: [],
  ...overrides,
});

const action = { id: 'queue-1', householdId: '观山水|8-2-1203', action: 'complete' as const, entryKey: null, reason: 'x', until: null, assignee: null, at: '', steward: '', closedFollowUpId: null, closedGrievanceId: null };

function renderDialog(kind: QueueActionKind, api: Api = { ...fakeApi(), 'followups.act': vi.fn(async () => ({ action })) }, target: QueueRow = row()) {
  const onDone = vi.fn();
  render(
    <AntApp>
      <ApiProvider api={api}>
        <QueueActionDialog row={target} action={kind} today="2026-11-26" stewards={[{ id: 'local', name: '王敏' }, { id: 'steward-2', name: '李娜' }]} onDone={onDone} onCancel={vi.fn()} />
      </ApiProvider>
    </AntApp>,
  );
  return { api, onDone };
}

const confirm = () => screen.getByRole('button', { name: /确\s*定/ });

describe('QueueActionDialog', () => {
  it('completes the entry with a picked reason', async () => {
    const user = userEvent.setup();
    const { api, onDone } = renderDialog('complete');
    expect(confirm()).toBeDisabled(); // a reason is needed
    await user.click(screen.getByText('已送达，业主签收'));
    await user.click(confirm());
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(action));
    expect(api['followups.act']).toHaveBeenCalledWith({ action: 'complete', householdId: '观山水|8-2-1203', entryKey: 'notice:催费通知书:2026-11', reason: '已送达，业主签收' });
  });

  it('snoozes three days by default, with a typed reason', async () => {
    const user = userEvent.setup();
    const { api } = renderDialog('snooze');
    await user.type(screen.getByLabelText('原因'), '业主住院');
    await user.click(confirm());
    await waitFor(() => expect(api['followups.act']).toHaveBeenCalledWith({ action: 'snooze', householdId: '观山水|8-2-1203', until: '2026-11-29', reason: '业主住院' }));
  });

  it('reassigns without a reason, and shows the backend’s refusal where it applies', async () => {
    const user = userEvent.setup();
    const refuse = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', message: '「李娜」不在团队的管家名单里，请先在团队设置中添加。' });
    });
    const { onDone } = renderDialog('reassign', { ...fakeApi(), 'followups.act': refuse });
    expect(confirm()).toBeEnabled();
    await user.click(screen.getByLabelText('转给'));
    await user.click(await screen.findByTitle('李娜'));
    await user.click(confirm());
    await waitFor(() => expect(refuse).toHaveBeenCalledWith({ action: 'reassign', householdId: '观山水|8-2-1203', assigneeId: 'steward-2', reason: '' }));
    expect((await screen.findAllByText(/不在团队的管家名单里/)).length).toBeGreaterThan(0);
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('MessageDialog', () => {
  it('fills the library’s message for this owner and promise, and logs it when sent', async () => {
    const user = userEvent.setup();
    const record = { ...recordFixture(), promises: [{ id: 'p1', householdId: '观山水|8-2-1203', contactId: 'c1', createdAt: '2026-11-20T10:00:00+08:00', status: 'pending' as const, date: '2026-11-27', amountFen: 100_000, channel: '微信' as const }] };
    const api = {
      ...fakeApi(),
      'households.get': vi.fn(async () => record),
      'scripts.list': vi.fn(async () => ({ entries: defaultEntries('2026-01-01T00:00:00+08:00') })),
      'contacts.logMessage': vi.fn(async () => ({ contactId: 'message-1' })),
    };
    const onSent = vi.fn();
    render(
      <AntApp>
        <ApiProvider api={api}>
          <MessageDialog row={row({ kind: 'promise-message', entryKey: 'promise-message:p1', reason: '明天是约定缴费日，今天发条提醒' })} onSent={onSent} onCancel={vi.fn()} />
        </ApiProvider>
      </AntApp>,
    );
    const text = (await screen.findByLabelText('消息内容')) as HTMLTextAreaElement;
    expect(text.value.startsWith('【晨光物业】')).toBe(true); // the company's SMS signature
    expect(text.value).toContain('欧阳');
    expect(text.value).toContain('1000元');
    expect(text.value).not.toMatch(/\{[^}]*\}/);
    expect(screen.queryByLabelText('合规检查')).toBeNull();
    // A threat typed in is caught before it can be logged as sent.
    await user.clear(text);
    await user.type(text, '再不交的话，下个月就给您家停水。');
    expect(await screen.findByLabelText('合规检查')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /已发送/ })).toBeDisabled();
    await user.clear(text);
    await user.type(text, '欧阳业主您好，明天是约定的缴费日，金额 1,000.00 元。');
    await user.click(screen.getByLabelText('短信'));
    await user.click(screen.getByRole('button', { name: /已发送/ }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api['contacts.logMessage']).toHaveBeenCalledWith({ householdId: '观山水|8-2-1203', channel: '短信', text: text.value, entryKey: 'promise-message:p1' });
  });
});

describe('FollowUpList on the record', () => {
  it('issues a 限期缴费通知书 with its deadline: 15 days ahead by default, sent to the backend', async () => {
    const user = userEvent.setup();
    const deadlineRow = row({ entryKey: 'notice:限期缴费通知书:rn25-2026-10', reason: '应发限期缴费通知书（10 月的费用到次月 25 日仍未缴）' });
    const { api, onDone } = renderDialog('complete', undefined, deadlineRow);
    expect(screen.getByLabelText('缴费期限')).toHaveValue('2026-12-11');
    await user.click(screen.getByText('已张贴并拍照留存'));
    await user.click(confirm());
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api['followups.act']).toHaveBeenCalledWith({ action: 'complete', householdId: '观山水|8-2-1203', entryKey: 'notice:限期缴费通知书:rn25-2026-10', reason: '已张贴并拍照留存', deadline: '2026-12-11' });
  });

  it('asks no deadline for other notices', () => {
    renderDialog('complete');
    expect(screen.queryByLabelText('缴费期限')).toBeNull();
  });

  it('records a leak repair’s completion and leak test from the record, showing the revisit day first', async () => {
    const user = userEvent.setup();
    const repair = { id: 'g1', householdId: '观山水|8-2-1203', contactId: 'c1', createdAt: '2026-11-20T10:00:00+08:00', kind: 'repair' as const, title: '漏水渗水（主卧顶棚）', words: '顶棚渗水', dueDate: '2026-11-23', status: 'open' as const, category: '漏水渗水' as const, completedOn: null, leakTestOn: null };
    const revisit = { id: 'f1', householdId: '观山水|8-2-1203', kind: 'repair-revisit' as const, dueDate: '2026-11-23', sourceId: 'g1', title: '维修回访：漏水渗水（主卧顶棚）', status: 'open' as const, createdAt: '2026-11-20T10:00:00+08:00' };
    const api = { ...fakeApi(), 'grievances.repairDone': vi.fn(async () => ({ grievance: repair, followUp: revisit })) };
    const onChanged = vi.fn();
    render(
      <AntApp>
        <ApiProvider api={api}>
          <FollowUpList record={{ ...recordFixture(), grievances: [repair], followUps: [revisit] }} today="2026-11-26" onChanged={onChanged} />
        </ApiProvider>
      </AntApp>,
    );
    expect(screen.getByLabelText('跟进任务')).toHaveTextContent('维修未完成，先跟进进度');
    await user.click(screen.getByRole('button', { name: '维修已完成：维修回访：漏水渗水（主卧顶棚）' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('回访日：2026-11-29（试漏后 3 天内');
    await user.click(screen.getByRole('button', { name: /记\s*录/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api['grievances.repairDone']).toHaveBeenCalledWith({ householdId: '观山水|8-2-1203', grievanceId: 'g1', completedOn: '2026-11-26', leakTestOn: '2026-11-26' });
  });

  it('marks an open repair revisit done with a reason and shows what was done', async () => {
    const user = userEvent.setup();
    const revisit = { id: 'f1', householdId: '观山水|8-2-1203', kind: 'repair-revisit' as const, dueDate: '2026-11-28', sourceId: 'g1', title: '维修回访：电梯', status: 'open' as const, createdAt: '2026-11-26T10:00:00+08:00' };
    const check = { ...revisit, id: 'f2', kind: 'promise-check' as const, title: '核对承诺' };
    const done = { id: 'queue-1', householdId: '观山水|8-2-1203', action: 'snooze' as const, entryKey: null, reason: '业主出差', until: '2026-11-20', assignee: null, at: '2026-11-15T09:00:00+08:00', steward: '王敏', closedFollowUpId: null, closedGrievanceId: null };
    const api = { ...fakeApi(), 'followups.act': vi.fn(async () => ({ action })) };
    const onChanged = vi.fn();
    render(
      <AntApp>
        <ApiProvider api={api}>
          <FollowUpList record={{ ...recordFixture(), followUps: [revisit, check], queueActions: [done] }} today="2026-11-26" onChanged={onChanged} />
        </ApiProvider>
      </AntApp>,
    );
    expect(screen.getByLabelText('跟进处理记录')).toHaveTextContent('王敏 暂缓 到 2026-11-20：业主出差');
    // Only the revisit has the button: a promise check closes itself.
    expect(screen.getAllByRole('button', { name: /^标记完成/ })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: '标记完成：维修回访：电梯' }));
    await user.click(screen.getByText('已修好，业主确认'));
    await user.click(confirm());
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api['followups.act']).toHaveBeenCalledWith({ action: 'complete', householdId: '观山水|8-2-1203', entryKey: 'repair-revisit:f1', reason: '已修好，业主确认' });
  });
});

describe('MessageDialog for the monthly round', () => {
  it('uses the library’s 缴费提醒 with the owner’s arrears', async () => {
    const api = { ...fakeApi(), 'scripts.list': vi.fn(async () => ({ entries: defaultEntries('2026-01-01T00:00:00+08:00') })) };
    render(
      <AntApp>
        <ApiProvider api={api}>
          <MessageDialog row={row({ kind: 'monthly-round', entryKey: 'monthly-round:2026-11', reason: '本月尚未提醒，欠费 2 个月' })} onSent={vi.fn()} onCancel={vi.fn()} />
        </ApiProvider>
      </AntApp>,
    );
    await screen.findByText(/缴费提醒：观山水 8栋2单元1203/);
    const text = (await screen.findByLabelText('消息内容')) as HTMLTextAreaElement;
    expect(text.value.startsWith('【晨光物业】')).toBe(true);
    expect(text.value).toContain('2619元');
    expect(text.value).not.toMatch(/\{[^}]*\}/);
  });
});
