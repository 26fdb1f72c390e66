import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { resetStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi } from './support/fake-api';

beforeEach(() => {
  resetStatusStore();
  window.location.hash = '#/today';
});

describe('Ctrl+K quick-find', () => {
  it('opens from anywhere, lists ranked hits with why they matched, and opens the chosen record with the keyboard', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<App connection={{ api, kind: 'http' }} />);
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('combobox', { name: '查找业主' });
    await user.type(box, 'oyl');
    await waitFor(() => expect(api['households.search']).toHaveBeenLastCalledWith({ query: 'oyl', limit: 12 }));
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(within(options[0]!).getByText('首字母')).toBeInTheDocument();
    expect(within(options[0]!).getByText('欠 ¥2,619.00')).toBeInTheDocument();
    expect(within(options[1]!).getByText('无欠费')).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(decodeURIComponent(window.location.hash)).toBe('#/households/观山水|8-2-1203'));
    expect(await screen.findByRole('region', { name: '欠费档案' })).toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api['households.search'].mockResolvedValue({ hits: [] });
    render(<App connection={{ api, kind: 'http' }} />);
    await user.click(await screen.findByRole('button', { name: /查找业主/ }));
    await user.type(await screen.findByRole('combobox', { name: '查找业主' }), 'xyz');
    expect(await screen.findByText('没有找到')).toBeInTheDocument();
  });
});
