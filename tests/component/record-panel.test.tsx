import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { resetStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi } from './support/fake-api';

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
