/**
 * The call screen's branches a real call needs, from the keyboard: a relative answers (J), the owner hangs up (Q),
 * the account sent with a callback in half an hour (K); a revisit call asks 已解决 / 未解决 and saves the answer;
 * the suggestion reads only what this call established.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../electron/contract';
import { defaultLibrary } from '../../scripts-library/default-library';
import { App } from '../../renderer/src/App';
import { resetStatusStore, useStatusStore } from '../../renderer/src/stores/status-store';
import { callStartFixture, fakeApi, recordFixture, statusFixture } from './support/fake-api';

const ID = '观山水|8-2-1203';

function callApi(start = callStartFixture()) {
  const api = fakeApi();
  api['scripts.list'].mockResolvedValue({ entries: defaultLibrary('2026-11-26T09:00:00+08:00').entries });
  api['calls.start'].mockResolvedValue(start);
  return api;
}

beforeEach(() => {
  resetStatusStore();
  useStatusStore.setState({ status: statusFixture() });
  window.location.hash = `#/call/${encodeURIComponent(ID)}?start=1`;
});

const step = () => screen.getByLabelText('当前步骤');
const suggestion = () => screen.getAllByLabelText('建议的话')[0]!.textContent;

describe('the call screen', () => {
  it('a relative answers (J): no arrears detail is suggested, and the call ends as 家属 / 租户代接', async () => {
    const user = userEvent.setup();
    const api = callApi();
    render(<App connection={{ api, kind: 'http' }} />);
    await screen.findByText('拨号中');
    await user.keyboard('aj');
    await waitFor(() => expect(step()).toHaveTextContent('家属 / 租户接听'));
    expect(suggestion()).not.toMatch(/\d+元|欠/);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api['calls.save']).toHaveBeenCalledWith(expect.objectContaining({ callId: 'call-1', outcome: 'third-party' })));
  });

  it('the owner hangs up (Q) in the middle: wrapped up as 业主中途挂断, with nothing to say', async () => {
    const user = userEvent.setup();
    const api = callApi();
    render(<App connection={{ api, kind: 'http' }} />);
    await screen.findByText('拨号中');
    await user.keyboard('aov');
    await waitFor(() => expect(step()).toHaveTextContent('断其后路'));
    await user.click(screen.getByRole('button', { name: /业主挂断/ }));
    expect(step()).toHaveTextContent('业主挂断：记下情况，结束');
    expect(screen.getByText('这一步不需要说什么')).toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api['calls.save']).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'hung-up' })));
  });

  it('发了账户 (K): the callback is set for the next half-hour slot, owned by this steward, and the close says when', async () => {
    const user = userEvent.setup();
    const api = callApi();
    render(<App connection={{ api, kind: 'http' }} />);
    await screen.findByText('拨号中');
    await user.keyboard('aow');
    await waitFor(() => expect(step()).toHaveTextContent('处理异议'));
    await user.keyboard('k');
    await waitFor(() => expect(step()).toHaveTextContent('复述约定'));
    expect(screen.getByText(/回电安排：.*由 王敏 回电/)).toBeInTheDocument();
    expect(suggestion()).toMatch(/^好的，那我.*再给您打过来/);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(api['calls.save']).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'callback', callback: expect.objectContaining({ owner: '王敏', time: expect.stringMatching(/^\d\d:(00|30)$/) }) })),
    );
  });

  it('a revisit call asks first whether the repair is done, and saves the answer', async () => {
    const user = userEvent.setup();
    const api = callApi(callStartFixture({ purpose: 'revisit', followUpId: 'follow-1' }));
    const grievance = { id: 'grievance-1', householdId: ID, contactId: 'call-0', createdAt: '2026-11-24T10:00:00+08:00', kind: 'repair' as const, title: '漏水渗水（主卧顶棚）', words: '漏水', dueDate: '2026-11-26', status: 'open' as const };
    const followUp = { id: 'follow-1', householdId: ID, kind: 'repair-revisit' as const, dueDate: '2026-11-26', sourceId: 'grievance-1', title: '维修回访：漏水渗水（主卧顶棚）', status: 'open' as const, createdAt: '2026-11-24T10:00:00+08:00' };
    api['households.get'].mockResolvedValue({ ...recordFixture(), grievances: [grievance], followUps: [followUp] });
    window.location.hash = `#/call/${encodeURIComponent(ID)}?start=1&purpose=revisit&followUp=follow-1`;
    render(<App connection={{ api, kind: 'http' }} />);
    await screen.findByText('拨号中');
    await user.keyboard('ao');
    await waitFor(() => expect(step()).toHaveTextContent('回访：问题解决了吗？'));
    expect(suggestion()).toContain('给您回访一下主卧顶棚漏水渗水的问题');
    const region = screen.getByRole('region', { name: '通话' });
    expect(within(region).queryByRole('button', { name: /含糊/ })).not.toBeInTheDocument();
    await user.keyboard('y');
    await waitFor(() => expect(step()).toHaveTextContent('问题已解决'));
    expect(within(region).getByRole('button', { name: /接着谈费用/ })).toBeInTheDocument();
    await user.keyboard('c');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api['calls.save']).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'revisit-fixed', revisitResult: 'fixed' } satisfies Partial<InputOf<'calls.save'>>)));
  });
});
