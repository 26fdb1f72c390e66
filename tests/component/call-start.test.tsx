/**
 * A call starts in the backend: the call page shows its refusal with the reasons and a way to call anyway (with
 * a reason); the record shows why not now; 今日跟进 offers 仍要拨打 and 回访通话.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ContactRecordOut, type InputOf, type QueueRow } from '../../electron/contract';
import { queuePage } from '../../electron/backend/follow-ups/queue-page';
import { App } from '../../renderer/src/App';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { TodayPage } from '../../renderer/src/pages/today/TodayPage';
import { resetStatusStore, useStatusStore } from '../../renderer/src/stores/status-store';
import { callStartFixture, fakeApi, noRevisits, statusFixture } from './support/fake-api';

const ID = '观山水|8-2-1203';
const REASONS = ['现在不在通话时段（09:00–12:00、14:00–20:00）', '今天已联系 1 次（每天最多 1 次）'];
const refusal = () => new ApiError({ code: 'CONFLICT', message: `现在不宜拨打这一户：${REASONS.join('；')}。确需拨打请说明原因。`, issues: REASONS.map((message) => ({ path: 'problems', message })) });

/** The fake backend with the call rules saying no, unless an override gives a reason of 4 characters or more. */
function refusingApi() {
  const api = fakeApi();
  api['calls.check'].mockImplementation(async () => ({ problems: REASONS }));
  api['calls.start'].mockImplementation(async (input: InputOf<'calls.start'>) => {
    if (!input.override) throw refusal();
    if (input.override.reason.trim().length < 4) throw new ApiError({ code: 'VALIDATION', message: '请求内容有误：override.reason：请写明仍要拨打的原因（至少 4 个字）' });
    return callStartFixture({ overridden: { reason: input.override.reason, problems: REASONS } });
  });
  return api;
}

beforeEach(() => {
  resetStatusStore();
  useStatusStore.setState({ status: statusFixture() });
});

const openCall = (search: string) => {
  window.location.hash = `#/call/${encodeURIComponent(ID)}${search}`;
};

describe('the call page starts the call in the backend', () => {
  it('arriving with start=1, a refused call shows the reasons and starts only with a reason given', async () => {
    const user = userEvent.setup();
    const api = refusingApi();
    openCall('?start=1');
    render(<App connection={{ api, kind: 'http' }} />);
    const reasons = await screen.findByRole('list', { name: '不宜拨打的原因' });
    expect(within(reasons).getAllByRole('listitem').map((item) => item.textContent)).toEqual(REASONS);
    expect(screen.getByText('现在不宜拨打这一户')).toBeVisible();
    expect(api['calls.start']).toHaveBeenCalledWith({ householdId: ID, purpose: 'collection' });
    expect(screen.queryByLabelText('当前步骤')).not.toBeInTheDocument();

    const form = screen.getByRole('form', { name: '仍要拨打' });
    expect(within(form).getByText('仍要拨打：说明原因')).toBeInTheDocument();
    const button = within(form).getByRole('button', { name: /仍要拨打/ });
    expect(button).toBeDisabled();
    await user.type(within(form).getByLabelText('仍要拨打的原因'), '业主约好上午回电');
    expect(button).toBeEnabled();
    await user.click(button);
    await waitFor(() => expect(api['calls.start']).toHaveBeenLastCalledWith({ householdId: ID, purpose: 'collection', override: { reason: '业主约好上午回电' } }));
    expect(await screen.findByLabelText('当前步骤')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: '不宜拨打的原因' })).not.toBeInTheDocument();
  });

  it('shows the backend’s answer to a reason it does not take, at the field, and keeps the reasons', async () => {
    const user = userEvent.setup();
    const api = refusingApi();
    // The form asks for 4 characters; the backend trims, so 4 spaces and a letter are refused there.
    openCall('?start=1');
    render(<App connection={{ api, kind: 'http' }} />);
    const form = await screen.findByRole('form', { name: '仍要拨打' });
    await user.type(within(form).getByLabelText('仍要拨打的原因'), '急    ');
    expect(within(form).getByRole('button', { name: /仍要拨打/ })).toBeDisabled();
    await user.clear(within(form).getByLabelText('仍要拨打的原因'));
    await user.type(within(form).getByLabelText('仍要拨打的原因'), '急 急 急');
    api['calls.start'].mockRejectedValueOnce(new ApiError({ code: 'VALIDATION', message: '请求内容有误：override.reason：原因不超过 200 字' }));
    await user.click(within(form).getByRole('button', { name: /仍要拨打/ }));
    expect(await within(form).findByText('请求内容有误：override.reason：原因不超过 200 字')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '不宜拨打的原因' })).toBeInTheDocument();
    expect(screen.queryByLabelText('当前步骤')).not.toBeInTheDocument();
  });

  it('without start=1 shows what stands against the call before anything is started', async () => {
    const api = refusingApi();
    openCall('');
    render(<App connection={{ api, kind: 'http' }} />);
    await screen.findByRole('list', { name: '不宜拨打的原因' });
    expect(api['calls.check']).toHaveBeenCalledWith({ householdId: ID, purpose: 'collection' });
    expect(api['calls.start']).not.toHaveBeenCalled();
    expect(screen.getByRole('form', { name: '仍要拨打' })).toBeInTheDocument();
  });

  it('a callable household starts at once; the owner type starts as the backend judged it, and the save carries the callId and the type it ended with', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api['calls.start'].mockImplementation(async () => callStartFixture({ callId: 'call-42', ownerType: { type: 'D', because: '欠费 24 个月' } }));
    const save = vi.fn(async (_input: InputOf<'calls.save'>): Promise<ContactRecordOut> => ({ contactId: 'call-42', promises: [], grievances: [], followUps: [], maskedNumbers: 0 }));
    openCall('?start=1');
    render(<App connection={{ api: { ...api, 'calls.save': save }, kind: 'http' }} />);
    expect(await screen.findByLabelText('当前步骤')).toBeInTheDocument();
    expect(screen.getByLabelText('业主类型依据')).toHaveTextContent('欠费 24 个月');
    expect(screen.getByTitle('D 故意拖欠 / “别人也没交”')).toBeInTheDocument();
    expect(api['calls.start']).toHaveBeenCalledTimes(1);
    // The steward judges otherwise during the call: C.
    await user.click(screen.getByLabelText('业主类型'));
    await user.click(await screen.findByTitle('C 难联系 / 在外地'));
    await user.click(screen.getByRole('button', { name: /未接通/ }));
    await user.click(await screen.findByRole('button', { name: /结束通话/ }));
    await waitFor(() => expect(save).toHaveBeenCalledWith(expect.objectContaining({ householdId: ID, callId: 'call-42', outcome: 'no-answer', ownerType: 'C' })));
    expect(save.mock.calls[0]![0]).not.toHaveProperty('startedAt');
  });

  it('a revisit passes its purpose and follow-up to calls.start', async () => {
    const api = fakeApi();
    openCall('?purpose=revisit&followUp=follow-1&start=1');
    render(<App connection={{ api, kind: 'http' }} />);
    expect(await screen.findByLabelText('当前步骤')).toBeInTheDocument();
    expect(api['calls.start']).toHaveBeenCalledWith({ householdId: ID, purpose: 'revisit', followUpId: 'follow-1' });
    expect(api['calls.check']).toHaveBeenCalledWith({ householdId: ID, purpose: 'revisit' });
  });

  it('another call still running is named, not overridable', async () => {
    const api = fakeApi();
    api['calls.start'].mockRejectedValue(new ApiError({ code: 'CONFLICT', message: '有一通未结束的通话（观山水 8栋2单元1204）：请先结束或放弃' }));
    openCall('?start=1');
    render(<App connection={{ api, kind: 'http' }} />);
    expect(await screen.findByText('有一通未结束的通话（观山水 8栋2单元1204）：请先结束或放弃')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '仍要拨打' })).not.toBeInTheDocument();
  });

  it('a call started before a restart is continued with its start', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api['calls.draft'].mockResolvedValue({ draft: null, started: callStartFixture({ callId: 'call-before-crash' }) });
    openCall('');
    render(<App connection={{ api, kind: 'http' }} />);
    await screen.findByText('有一通未完成的通话');
    await user.click(screen.getByRole('button', { name: '继续通话' }));
    expect(await screen.findByLabelText('当前步骤')).toBeInTheDocument();
    expect(api['calls.start']).not.toHaveBeenCalled();
  });
});

describe('the record says why not now', () => {
  it('shows the backend’s reasons visibly, and the button goes straight into the call', async () => {
    const api = refusingApi();
    window.location.hash = `#/households/${encodeURIComponent(ID)}`;
    render(<App connection={{ api, kind: 'http' }} />);
    const record = await screen.findByRole('region', { name: '欠费档案' });
    const reasons = await within(record).findByRole('list', { name: '不宜拨打的原因' });
    expect(reasons).toBeVisible();
    expect(within(reasons).getAllByRole('listitem').map((item) => item.textContent)).toEqual(REASONS);
    const link = within(record).getByRole('button', { name: '仍要拨打…' }).closest('a')!;
    expect(link.getAttribute('href')).toBe(`#/call/${encodeURIComponent(ID)}?start=1`);
  });

  it('a callable household: 开始通话, one press into the call', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    window.location.hash = `#/households/${encodeURIComponent(ID)}`;
    render(<App connection={{ api, kind: 'http' }} />);
    const record = await screen.findByRole('region', { name: '欠费档案' });
    await waitFor(() => expect(api['calls.check']).toHaveBeenCalled());
    expect(within(record).queryByRole('list', { name: '不宜拨打的原因' })).not.toBeInTheDocument();
    await user.click(within(record).getByRole('button', { name: '开始通话' }));
    expect(await screen.findByLabelText('当前步骤')).toBeInTheDocument();
    expect(api['calls.start']).toHaveBeenCalledWith({ householdId: ID, purpose: 'collection' });
  });
});

describe('今日跟进 rows', () => {
  const row = (overrides: Partial<QueueRow>): QueueRow => ({
    householdId: ID,
    community: '观山水',
    roomLabel: '8栋2单元1203',
    ownerName: '欧阳澜',
    owedFen: 261_900,
    monthsOverdue: 2,
    kind: 'monthly-round',
    reason: '本月尚未提醒，欠费 2 个月',
    moreReasons: [],
    priority: 8,
    entryKey: 'monthly-round:2026-11',
    owner: null,
    ownerId: null,
    dueTime: null,
    followUpId: null,
    callable: true,
    notCallableBecause: [],
    ...overrides,
  });

  function Where() {
    const location = useLocation();
    return <div aria-label="地址">{`${location.pathname}${location.search}`}</div>;
  }

  function renderQueue(rows: QueueRow[]) {
    const api = { ...fakeApi(), 'followups.today': vi.fn(async () => ({ ...queuePage({ date: '2026-11-26', rows }, { offset: 0, limit: 50 }), revisits: noRevisits('2026-11-26') })) };
    render(
      <AntApp>
        <ApiProvider api={api}>
          <MemoryRouter initialEntries={['/today']}>
            <Routes>
              <Route path="/today" element={<TodayPage />} />
              <Route path="*" element={<Where />} />
            </Routes>
          </MemoryRouter>
        </ApiProvider>
      </AntApp>,
    );
  }

  it('a 暂不可拨 row keeps its reasons and offers 仍要拨打, which opens the call page', async () => {
    const user = userEvent.setup();
    renderQueue([row({ callable: false, notCallableBecause: REASONS })]);
    expect(await screen.findByLabelText(`暂不可拨：${REASONS.join('；')}`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '仍要拨打：观山水 8栋2单元1203' }));
    expect(await screen.findByLabelText('地址')).toHaveTextContent(`/call/${encodeURIComponent(ID)}?from=today`);
  });

  it('a 维修回访 row gets 回访通话 with its follow-up', async () => {
    const user = userEvent.setup();
    renderQueue([row({ kind: 'repair-revisit', reason: '维修回访：电梯', priority: 4, entryKey: 'repair-revisit:follow-9', followUpId: 'follow-9', callable: false, notCallableBecause: ['暂停催缴：维修回访未完成（电梯）'] })]);
    await user.click(await screen.findByRole('button', { name: '回访通话' }));
    expect(await screen.findByLabelText('地址')).toHaveTextContent(`/call/${encodeURIComponent(ID)}?purpose=revisit&followUp=follow-9&from=today`);
  });
});
