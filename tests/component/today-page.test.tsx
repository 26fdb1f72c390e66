/** 今日跟进 asks the backend for one filtered page at a time; ↑↓ moves across pages. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputOf, QueueRow } from '../../electron/contract';
import { queuePage } from '../../electron/backend/follow-ups/queue-page';
import { todayQueueInput } from '../../electron/contract';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { TodayPage } from '../../renderer/src/pages/today/TodayPage';
import { resetStatusStore, useStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi, noRevisits, statusFixture } from './support/fake-api';

const rowAt = (i: number): QueueRow => ({
  householdId: `观山水|1-1-${1000 + i}`,
  community: i % 2 ? '观山水' : '翠湖湾',
  roomLabel: `1栋1单元${1000 + i}`,
  ownerName: `业主${i}`,
  owedFen: 100_000 - i,
  monthsOverdue: 3,
  kind: i < 30 ? 'notice' : 'monthly-round',
  reason: i < 30 ? '应发收费通知书（欠费 3 个月）' : '本月尚未提醒，欠费 3 个月',
  moreReasons: [],
  priority: i < 30 ? 7 : 8,
  entryKey: i < 30 ? 'notice:收费通知书:2026-11' : 'monthly-round:2026-11',
  owner: null,
  ownerId: null,
  dueTime: null,
  followUpId: null,
  callable: true,
  notCallableBecause: [],
});

const day = { date: '2026-11-26', rows: Array.from({ length: 120 }, (_, i) => rowAt(i)) };
let revisits = noRevisits('2026-11-26');

beforeEach(() => {
  revisits = noRevisits('2026-11-26');
  resetStatusStore();
  useStatusStore.setState({ status: statusFixture() });
});

function renderPage() {
  const today = vi.fn(async (input: InputOf<'followups.today'>) => {
    const { date: _date, ...filters } = todayQueueInput.parse(input);
    return { ...queuePage(day, filters), revisits };
  });
  render(
    <AntApp>
      <ApiProvider api={{ ...fakeApi(), 'followups.today': today }}>
        <MemoryRouter>
          <TodayPage />
        </MemoryRouter>
      </ApiProvider>
    </AntApp>,
  );
  return today;
}

const bodyRows = () => document.querySelectorAll('tbody tr.ant-table-row');

describe('TodayPage', () => {
  it('shows one page, counts every kind, and a card asks for its kind from the first page', async () => {
    const user = userEvent.setup();
    const today = renderPage();
    await screen.findByText('共 120 户');
    expect(bodyRows()).toHaveLength(50);
    expect(today).toHaveBeenLastCalledWith({ date: '2026-11-26', offset: 0, limit: 50 });
    expect(screen.getByRole('button', { name: '待发通知 30' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByTitle('2'));
    await waitFor(() => expect(today).toHaveBeenLastCalledWith({ date: '2026-11-26', offset: 50, limit: 50 }));
    await user.click(screen.getByRole('button', { name: '待发通知 30' }));
    await waitFor(() => expect(today).toHaveBeenLastCalledWith({ date: '2026-11-26', kind: 'notice', offset: 0, limit: 50 }));
    await screen.findByText('共 30 户');
    expect(screen.getByRole('button', { name: '待发通知 30' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the month’s repair revisit rate against the 规程’s 100%, and nothing when none fell due', async () => {
    renderPage();
    await screen.findByText('共 120 户');
    expect(screen.queryByLabelText('本月维修回访')).toBeNull();
    cleanup();
    revisits = { month: '2026-11', due: 4, onTime: 3, late: 1, missing: 0 };
    renderPage();
    expect(await screen.findByLabelText('本月维修回访')).toHaveTextContent('11 月维修回访及时率 75%应回访 4 户，按时 3，超时 1（规程要求 100%');
  });

  it('moves the highlight across a page edge with ↑↓', async () => {
    const user = userEvent.setup();
    const today = renderPage();
    await screen.findByText('共 120 户');
    await user.click(screen.getByTitle('2'));
    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('业主50'));
    // The first row of page 2 is highlighted; ↑ goes to the last row of page 1.
    expect(bodyRows()[0]).toHaveClass('row-selected');
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(today).toHaveBeenLastCalledWith({ date: '2026-11-26', offset: 0, limit: 50 }));
    await waitFor(() => expect(bodyRows()[49]).toHaveClass('row-selected'));
    expect(bodyRows()[49]).toHaveTextContent('业主49');
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('业主50'));
    expect(bodyRows()[0]).toHaveClass('row-selected');
  });
});
