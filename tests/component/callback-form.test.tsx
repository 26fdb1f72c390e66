/** 约好回电 at the end of a call: the agreed day, time and owner reach calls.save. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactRecordOut, InputOf } from '../../electron/contract';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { CallPanel } from '../../renderer/src/pages/call/CallPanel';
import { resetStatusStore, useStatusStore } from '../../renderer/src/stores/status-store';
import { callStartFixture, fakeApi, recordFixture, statusFixture } from './support/fake-api';

beforeEach(() => {
  resetStatusStore();
  // The app's today: 2026-11-26.
  useStatusStore.setState({ status: statusFixture() });
});

function renderCall(stewardName = '王敏') {
  const api = { ...fakeApi(), 'calls.save': vi.fn(async (_call: InputOf<'calls.save'>): Promise<ContactRecordOut> => ({ contactId: 'call-1', promises: [], grievances: [], followUps: [], maskedNumbers: 0 })) };
  render(
    <AntApp>
      <ApiProvider api={api}>
        <CallPanel record={recordFixture()} settings={{ stewardName, companyName: '' }} scripts={[]} start={callStartFixture()} onEnded={vi.fn()} />
      </ApiProvider>
    </AntApp>,
  );
  return api;
}

const step = () => screen.getByLabelText('当前步骤');

/** 已接通 → 是本人 → 忙 / 在外地 → 结束: the owner asks to be called back. */
async function reachClose(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('aowc');
  await waitFor(() => expect(step()).toHaveTextContent('复述约定，选择结果，结束通话'));
}

describe('约好回电', () => {
  it('shows the callback form for key 6; typing digits in it does not choose another outcome; the save carries the callback', async () => {
    const user = userEvent.setup();
    const api = renderCall();
    await reachClose(user);
    expect(screen.queryByRole('form', { name: '回电安排' })).not.toBeInTheDocument();
    await user.keyboard('6');
    const form = await screen.findByRole('form', { name: '回电安排' });
    // Tomorrow by default, any time, this steward.
    expect(within(form).getByLabelText('回电日期')).toHaveValue('2026-11-27');
    expect(within(form).getByRole('radio', { name: '我（王敏）' })).toBeChecked();
    expect(screen.getByText(/还没有确定回电安排/)).toBeInTheDocument();

    // Digits typed into the date field stay there: outcome key 1 (承诺缴费) would leave the close step.
    const date = within(form).getByLabelText('回电日期');
    await user.click(date);
    await user.clear(date);
    await user.type(date, '2026-11-28{Enter}');
    await waitFor(() => expect(date).toHaveValue('2026-11-28'));
    expect(step()).toHaveTextContent('复述约定，选择结果，结束通话');

    await user.click(within(form).getByLabelText('回电时间'));
    // Only times inside the team's call windows (9:00–12:00, 14:00–20:00) are offered.
    expect(await screen.findByTitle('09:00')).toBeInTheDocument();
    for (const outside of ['08:30', '12:00', '13:30', '20:00', '20:30']) expect(screen.queryByTitle(outside)).toBeNull();
    await user.click(await screen.findByTitle('19:30'));
    await user.click(within(form).getByRole('radio', { name: '团队（任何管家）' }));
    expect(await screen.findByText('回电安排：11月28日周六 19:30，由团队（任何管家）回电')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /结束通话/ }));
    await waitFor(() =>
      expect(api['calls.save']).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'callback', callback: { date: '2026-11-28', time: '19:30', owner: null } })),
    );
    expect(await screen.findByText(/回电：11月28日周六 19:30/)).toBeInTheDocument();
  });

  it('refuses a day past the horizon in words, and saves the default when nothing valid was chosen', async () => {
    const user = userEvent.setup();
    const api = renderCall('');
    await user.keyboard('n');
    await user.click(await screen.findByRole('button', { name: /约好回电/ }));
    const form = await screen.findByRole('form', { name: '回电安排' });
    // Without a steward name, only the team pool can own it.
    expect(within(form).getByRole('radio', { name: '我（未设置姓名）' })).toBeDisabled();
    expect(within(form).getByRole('radio', { name: '团队（任何管家）' })).toBeChecked();
    const date = within(form).getByLabelText('回电日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2027-01-10' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(date).toHaveValue('2027-01-10'));
    expect(await within(form).findByText('回电最远只能约到 2026-12-26（30 天内）')).toBeInTheDocument();
    expect(screen.getByText(/还没有确定回电安排/)).toBeInTheDocument();

    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api['calls.save']).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'callback', callback: null })));
  });
});
