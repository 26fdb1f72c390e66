import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { PromiseForm } from '../../renderer/src/pages/call/PromiseForm';

const TODAY = '2026-11-26';

function renderForm() {
  const onPinned = vi.fn();
  render(
    <AntApp>
      <PromiseForm today={TODAY} horizonDays={30} owedFen={261_900} onPinned={onPinned} />
    </AntApp>,
  );
  return onPinned;
}

async function typeDate(value: string) {
  const input = screen.getByLabelText('缴费日期');
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

async function chooseChannel(user: ReturnType<typeof userEvent.setup>, channel: string) {
  await user.click(screen.getByLabelText('缴费方式'));
  await user.click(await screen.findByTitle(channel));
}

const confirm = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: /确认约定/ }));

describe('the promise form (断其后路)', () => {
  it('refuses a missing date and a missing channel, with Chinese messages', async () => {
    const user = userEvent.setup();
    const onPinned = renderForm();
    await confirm(user);
    expect(await screen.findByText('请约定具体的缴费日期（“过两天”不算数）')).toBeInTheDocument();
    expect(screen.getByText('请选择缴费方式')).toBeInTheDocument();
    expect(onPinned).not.toHaveBeenCalled();
  });

  it('refuses a past date and a date past the horizon', async () => {
    const user = userEvent.setup();
    const onPinned = renderForm();
    await chooseChannel(user, '微信');
    await typeDate('2026-11-20');
    await confirm(user);
    expect(await screen.findByText('日期不能早于今天')).toBeInTheDocument();
    await typeDate('2027-01-10');
    await confirm(user);
    expect(await screen.findByText('最远只能约到 2026-12-26（30 天内）')).toBeInTheDocument();
    expect(onPinned).not.toHaveBeenCalled();
  });

  it('refuses a zero or excessive amount, then pins a good promise', async () => {
    const user = userEvent.setup();
    const onPinned = renderForm();
    await chooseChannel(user, '转账');
    await user.click(screen.getByRole('button', { name: '2 天后' }));
    const amount = screen.getByLabelText('约定金额');
    await user.clear(amount);
    await user.type(amount, '0');
    await confirm(user);
    expect(await screen.findByText('金额必须大于 0')).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, '5000');
    await confirm(user);
    expect(await screen.findByText('金额不能超过欠费 2,619.00 元')).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, '1000');
    await confirm(user);
    await waitFor(() => expect(onPinned).toHaveBeenCalledWith({ date: '2026-11-28', amountFen: 100_000, channel: '转账' }));
  });
});
