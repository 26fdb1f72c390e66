/** 登记缴费 takes its default day and its last allowed day from the backend (fixed with --today in test mode). */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { App } from '../../renderer/src/App';
import { PaymentDialog } from '../../renderer/src/pages/households/PaymentDialog';
import { resetStatusStore, useStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi, statusFixture } from './support/fake-api';

/** The backend's day: far from the machine's, so a default taken from the machine's clock shows. */
const BACKEND_TODAY = '2026-03-10';

beforeEach(() => {
  resetStatusStore();
  window.location.hash = `#/households/${encodeURIComponent('观山水|8-2-1203')}`;
});

async function openPaymentDialog(user: ReturnType<typeof userEvent.setup>) {
  const record = await screen.findByRole('region', { name: '欠费档案' });
  await user.click(within(record).getByRole('button', { name: /登记缴费/ }));
  return screen.findByRole('dialog');
}

/** Types a day into the picker and presses Enter, as a steward would. */
function typeDate(input: HTMLElement, value: string) {
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

describe('登记缴费 on the backend’s day', () => {
  it('defaults to the day app.status reports and refuses a later one', async () => {
    const user = userEvent.setup();
    const api = fakeApi(statusFixture({ today: BACKEND_TODAY }));
    render(<App connection={{ api, kind: 'http' }} />);
    const dialog = await openPaymentDialog(user);
    const date = within(dialog).getByLabelText('缴费日期');
    expect(date).toHaveValue(BACKEND_TODAY);

    // In the calendar the next day is disabled, the day itself is not.
    await user.click(date);
    expect(await screen.findByTitle('2026-03-11')).toHaveClass('ant-picker-cell-disabled');
    expect(screen.getByTitle(BACKEND_TODAY)).not.toHaveClass('ant-picker-cell-disabled');

    // A later day typed in is not taken; the payment is saved on the backend's day.
    typeDate(date, '2026-03-11');
    await user.type(within(dialog).getByRole('spinbutton'), '100');
    await user.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(api['payments.record']).toHaveBeenCalledWith(expect.objectContaining({ amountFen: 10_000, paidOn: BACKEND_TODAY })));
  });

  /** The dialog on its own, opened before app.status has answered. */
  function renderDialogBeforeStatus() {
    const api = fakeApi();
    render(
      <AntApp>
        <ApiProvider api={api}>
          <PaymentDialog householdId="观山水|8-2-1203" owedFen={261_900} onClose={vi.fn()} onSaved={vi.fn()} />
        </ApiProvider>
      </AntApp>,
    );
    return api;
  }

  const statusAnswers = () => act(() => useStatusStore.setState({ status: statusFixture({ today: BACKEND_TODAY }) }));

  it('follows the backend’s day when app.status answers after the dialog opened', async () => {
    renderDialogBeforeStatus();
    await screen.findByLabelText('缴费日期');
    statusAnswers();
    await waitFor(() => expect(screen.getByLabelText('缴费日期')).toHaveValue(BACKEND_TODAY));
  });

  it('refuses, in words, a day picked before app.status answered that is later than the backend’s day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-20T10:00:00+08:00')); // the machine's clock, ahead of the backend's day
      const user = userEvent.setup();
      const api = renderDialogBeforeStatus();
      const date = await screen.findByLabelText('缴费日期');
      await user.click(date);
      typeDate(date, '2026-03-15');
      await waitFor(() => expect(date).toHaveValue('2026-03-15'));
      statusAnswers();
      await user.type(screen.getByRole('spinbutton'), '100');
      await user.click(screen.getByRole('button', { name: /登\s*记/ }));
      expect(await screen.findByText(`缴费日期不能晚于今天（${BACKEND_TODAY}）`)).toBeInTheDocument();
      expect(api['payments.record']).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
