import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { resetStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi, recordFixture } from './support/fake-api';

beforeEach(() => {
  resetStatusStore();
  window.location.hash = `#/households/${encodeURIComponent('观山水|8-2-1203')}`;
});

describe('the arrears record', () => {
  it('shows totals, items grouped by period, masked phones, and empty states for what comes later', async () => {
    render(<App connection={{ api: fakeApi(), kind: 'http' }} />);
    const record = await screen.findByRole('region', { name: '欠费档案' });
    expect(within(record).getByText('观山水 8栋2单元1203')).toBeInTheDocument();
    expect(within(record).getByText('¥2,619.00')).toBeInTheDocument();
    expect(within(record).getByText('100****5678')).toBeInTheDocument();
    // October's two fee types are one period row; September is another.
    const rows = within(record).getAllByRole('row').filter((row) => /2025-(09|10)/.test(row.textContent ?? ''));
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining('物业费、停车费'), expect.stringContaining('2025-09')]);
    expect(rows[0]).toHaveTextContent('¥1,384.50');
    expect(within(record).getByText(/还没有催缴记录/)).toBeInTheDocument();
  });

  it('reveals a phone only through the logged action', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<App connection={{ api, kind: 'http' }} />);
    const record = await screen.findByRole('region', { name: '欠费档案' });
    expect(within(record).queryByText('10012345678')).not.toBeInTheDocument();
    await user.click(within(record).getByLabelText('显示号码 100****5678'));
    expect(await within(record).findByText('10012345678')).toBeInTheDocument();
    expect(api['households.revealPhone']).toHaveBeenCalledWith({ id: '观山水|8-2-1203', phoneIndex: 0, purpose: 'reveal' });
  });

  it('refuses a payment above what is owed, in the form, before calling the backend', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<App connection={{ api, kind: 'http' }} />);
    const record = await screen.findByRole('region', { name: '欠费档案' });
    await user.click(within(record).getByRole('button', { name: /登记缴费/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('spinbutton'), '3000');
    await user.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    expect(await within(dialog).findByText('不能超过当前欠费 ¥2,619.00')).toBeInTheDocument();
    expect(api['payments.record']).not.toHaveBeenCalled();
    await user.clear(within(dialog).getByRole('spinbutton'));
    await user.type(within(dialog).getByRole('spinbutton'), '1234.5');
    await user.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(api['payments.record']).toHaveBeenCalledWith(expect.objectContaining({ householdId: '观山水|8-2-1203', amountFen: 123_450, channel: '微信' })));
  });
});

describe('the record after payments and promises', () => {
  it('shows one hand-entered payment once with the items it settled, and a kept promise check as 已兑现', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    const part = (n: number, month: string) => ({
      id: `pay-ab12cd34-${n}`,
      householdId: '观山水|8-2-1203',
      itemKey: `物业费|2025-${month}-01|2025-${month}-30`,
      amountFen: 36_400,
      paidOn: '2026-11-26',
      source: 'manual' as const,
      importId: null,
      channel: '微信',
      note: '',
    });
    const promise = { id: 'promise-1', householdId: '观山水|8-2-1203', contactId: 'call-1', createdAt: '2026-11-20T10:00:00+08:00', date: '2026-11-25', amountFen: 109_200, channel: '微信' as const, status: 'kept' as const };
    const followUp = { id: 'follow-1', householdId: '观山水|8-2-1203', kind: 'promise-check' as const, dueDate: '2026-11-25', sourceId: 'promise-1', title: '核对承诺：微信缴 ¥1,092.00', status: 'open' as const, createdAt: '2026-11-20T10:00:00+08:00' };
    api['households.get'].mockResolvedValue({ ...recordFixture(), payments: [part(1, '07'), part(2, '08'), part(3, '09')], promises: [promise], followUps: [followUp] });
    render(<App connection={{ api, kind: 'http' }} />);
    const record = await screen.findByRole('region', { name: '欠费档案' });
    const payments = within(record).getByRole('table', { name: '缴费记录' });
    const rows = within(payments).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('¥1,092.00');
    expect(rows[0]).toHaveTextContent('3 笔明细');
    await user.click(within(rows[0]!).getByRole('button'));
    expect(await within(payments).findByText('物业费 2025-08：¥364.00')).toBeInTheDocument();
    const followUps = within(record).getByRole('list', { name: '跟进任务' });
    expect(within(followUps).getByText('已兑现')).toBeInTheDocument();
    expect(within(followUps).queryByText('待办')).not.toBeInTheDocument();
    expect(within(record).getByText('跟进任务（0）')).toBeInTheDocument();
  });
});
