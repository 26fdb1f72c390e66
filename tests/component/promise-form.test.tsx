import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { PromiseForm } from '../../renderer/src/pages/call/PromiseForm';

const TODAY = '2026-11-26';

function renderForm() {
  const onPinned = vi.fn();
  render(
    <AntApp>
      <PromiseForm autoFocus today={TODAY} horizonDays={30} owedFen={261_900} onPinned={onPinned} />
    </AntApp>,
  );
  return onPinned;
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

  it('runs from the keyboard: the date in the quick form, Enter to the amount, Enter to the channel, a digit, Enter', async () => {
    const user = userEvent.setup();
    const onPinned = renderForm();
    expect(screen.getByLabelText('缴费日期')).toHaveFocus();
    await user.keyboard('5');
    expect(screen.getByText('12月5日周六（2026-12-05）')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('约定金额')).toHaveFocus();
    await user.keyboard('{Enter}2{Enter}');
    await waitFor(() => expect(onPinned).toHaveBeenCalledWith({ date: '2026-12-05', amountFen: 261_900, channel: '微信' }));
  });

  it('never changes the amount with the arrow keys', async () => {
    const user = userEvent.setup();
    renderForm();
    const amount = screen.getByLabelText('约定金额');
    await user.click(amount);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowDown}');
    expect(amount).toHaveValue('2619.00');
  });

  it('refuses a past date and a date past the horizon, and clears the message once the date is fixed', async () => {
    const user = userEvent.setup();
    const onPinned = renderForm();
    await user.click(screen.getByText('2 微信'));
    await user.type(screen.getByLabelText('缴费日期'), '2026-11-20');
    await confirm(user);
    expect(await screen.findByText('日期不能早于今天')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('缴费日期'));
    await user.type(screen.getByLabelText('缴费日期'), '2027-01-10');
    await confirm(user);
    expect(await screen.findByText('最远只能约到 2026-12-26（30 天内）')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('缴费日期'));
    await user.type(screen.getByLabelText('缴费日期'), '+3');
    await waitFor(() => expect(screen.queryByText('最远只能约到 2026-12-26（30 天内）')).not.toBeInTheDocument());
    expect(screen.getByText('11月29日周日（2026-11-29）')).toBeInTheDocument();
    expect(onPinned).not.toHaveBeenCalled();
  });

  it('says when it cannot read the date', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText('缴费日期'), '下周');
    expect(screen.getByText(/看不懂这个日期/)).toBeInTheDocument();
  });

  it('refuses a zero or excessive amount, then pins a good promise', async () => {
    const user = userEvent.setup();
    const onPinned = renderForm();
    await user.click(screen.getByText('1 转账'));
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
