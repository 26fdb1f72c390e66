import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { describe, expect, it, vi } from 'vitest';
import { spokenDate } from '../../domain/dates';
import type { PinnedPromise } from '../../domain/promise';
import { InstalmentPlanEditor } from '../../renderer/src/pages/call/InstalmentPlanEditor';

const TODAY = '2026-11-26';
const OWED = 1_012_800; // 10,128.00 元

function renderEditor(props: { today?: string; pinned?: PinnedPromise | null; autoFocus?: boolean } = {}) {
  const onPlan = vi.fn();
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <InstalmentPlanEditor owedFen={OWED} today={props.today ?? TODAY} horizonDays={30} pinned={props.pinned} autoFocus={props.autoFocus} onPlan={onPlan} />
      </AntApp>
    </ConfigProvider>,
  );
  return onPlan;
}

async function typeDate(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

/** antd's radio inputs are hidden under their labels: click the label, as a steward does. */
const choose = (user: ReturnType<typeof userEvent.setup>, name: string) => user.click(screen.getByRole('radio', { name }).closest('label')!);
const submitButton = () => screen.getByRole('button', { name: '按此分期约定' });
const rowDates = () => screen.getAllByLabelText(/^第 \d+ 期日期$/).map((input) => (input as HTMLInputElement).value);
const rowAmounts = () => screen.getAllByLabelText(/^第 \d+ 期金额$/).map((input) => (input as HTMLInputElement).value);
/** The table row of instalment n (1-based; the header is row 0). A date picker's calendar is a table too. */
const tableRow = (n: number) => within(screen.getAllByRole('table').find((table) => table.closest('.ant-table'))!).getAllByRole('row')[n]!;

async function setAmount(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

describe('the instalment plan editor (分期)', () => {
  it('plans 3 期 monthly on the same day from a month end, checks the total to the fen, and submits exactly the promises', async () => {
    const user = userEvent.setup();
    const onPlan = renderEditor({ today: '2026-12-20' });
    expect(screen.getByLabelText('期数')).toHaveValue('3');
    expect(screen.getByLabelText('分期总额')).toHaveValue('10128.00');
    // The first date defaults to a week from today.
    expect(screen.getByLabelText('首期日期')).toHaveValue('2026-12-27');

    await typeDate('首期日期', '2026-12-31');
    await waitFor(() => expect(rowDates()).toEqual(['2026-12-31', '2027-01-31', '2027-02-28']));
    expect(screen.getByText(spokenDate('2027-02-28'))).toBeInTheDocument();
    expect(rowAmounts()).toEqual(['3376.00', '3376.00', '3376.00']);
    expect(screen.getByLabelText('合计核对')).toHaveTextContent('与总额一致');
    // No channel yet: said at the field, and nothing can be submitted.
    expect(screen.getByText('请选择缴费方式')).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();

    await choose(user, '支付宝');
    await choose(user, '转账');
    await waitFor(() => expect(screen.queryByText('请选择缴费方式')).not.toBeInTheDocument());
    expect(submitButton()).toBeEnabled();

    await setAmount(user, '第 2 期金额', '3363.70');
    await waitFor(() => expect(screen.getByLabelText('合计核对')).toHaveTextContent('还差 12.30 元'));
    expect(screen.getByLabelText('合计核对')).toHaveTextContent('合计 10,115.70 元');
    expect(submitButton()).toBeDisabled();
    await setAmount(user, '第 3 期金额', '3400');
    await waitFor(() => expect(screen.getByLabelText('合计核对')).toHaveTextContent('多了 11.70 元'));
    await setAmount(user, '第 3 期金额', '3388.30');
    await waitFor(() => expect(screen.getByLabelText('合计核对')).toHaveTextContent('与总额一致'));

    await user.click(submitButton());
    expect(onPlan).toHaveBeenCalledTimes(1);
    expect(onPlan).toHaveBeenCalledWith(
      [
        { date: '2026-12-31', amountFen: 337_600, channel: '转账' },
        { date: '2027-01-31', amountFen: 336_370, channel: '转账' },
        { date: '2027-02-28', amountFen: 338_830, channel: '转账' },
      ],
      OWED,
    );
  });

  it('plans by a fixed amount each: the count follows and the last takes the rest; a row date can be moved', async () => {
    const user = userEvent.setup();
    const onPlan = renderEditor();
    await choose(user, '按每期金额');
    await setAmount(user, '每期金额', '3000');
    await waitFor(() => expect(rowAmounts()).toEqual(['3000.00', '3000.00', '3000.00', '1128.00']));
    expect(rowDates()).toEqual(['2026-12-03', '2027-01-03', '2027-02-03', '2027-03-03']);
    await typeDate('第 4 期日期', '2027-03-10');
    await choose(user, '前台');
    await user.click(submitButton());
    expect(onPlan).toHaveBeenCalledWith(
      [
        { date: '2026-12-03', amountFen: 300_000, channel: '前台' },
        { date: '2027-01-03', amountFen: 300_000, channel: '前台' },
        { date: '2027-02-03', amountFen: 300_000, channel: '前台' },
        { date: '2027-03-10', amountFen: 112_800, channel: '前台' },
      ],
      OWED,
    );
  });

  it('plans the rest after a part payment already pinned', async () => {
    const user = userEvent.setup();
    const pinned: PinnedPromise = { date: '2026-12-03', amountFen: 300_000, channel: '转账' };
    const onPlan = renderEditor({ pinned });
    expect(screen.getByText(/其余 7,128.00 元按月分期/)).toBeInTheDocument();
    // The pinned promise is the first row, as agreed; the rest starts a month later on the same day.
    expect(within(tableRow(1)).getByText('已约定 · 转账')).toBeInTheDocument();
    expect(within(tableRow(1)).getByText('3,000.00')).toBeInTheDocument();
    expect(rowDates()).toEqual(['2027-01-03', '2027-02-03', '2027-03-03']);
    expect(rowAmounts()).toEqual(['2376.00', '2376.00', '2376.00']);
    // The plan's channel starts as the pinned promise's; the steward changes it for the rest.
    expect(screen.getByRole('radio', { name: '转账' })).toBeChecked();
    await choose(user, '微信');

    await setAmount(user, '期数', '2');
    await waitFor(() => expect(rowAmounts()).toEqual(['3564.00', '3564.00']));
    await user.click(submitButton());
    expect(onPlan).toHaveBeenCalledWith(
      [pinned, { date: '2027-01-03', amountFen: 356_400, channel: '微信' }, { date: '2027-02-03', amountFen: 356_400, channel: '微信' }],
      OWED,
    );
  });

  it('says when a rest would start before the pinned promise, on that row', async () => {
    renderEditor({ pinned: { date: '2026-12-20', amountFen: 300_000, channel: '转账' } });
    await typeDate('首期日期', '2026-12-10');
    await waitFor(() => expect(within(tableRow(2)).getByText('日期要晚于第 1 期')).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();
  });

  it('moves with Enter from the first field through every field, and submits on the last', async () => {
    const user = userEvent.setup();
    const onPlan = renderEditor({ autoFocus: true });
    await waitFor(() => expect(screen.getByLabelText('分期总额')).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(screen.getByRole('radio', { name: '按期数' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('期数')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('首期日期')).toHaveFocus();
    await user.keyboard('{Enter}');
    // No channel chosen yet: the group's first radio; → chooses the next one.
    expect(screen.getByRole('radio', { name: '转账' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: '微信' })).toBeChecked();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('第 1 期日期')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('第 1 期金额')).toHaveFocus();
    await user.keyboard('{Enter}{Enter}{Enter}{Enter}');
    expect(screen.getByLabelText('第 3 期金额')).toHaveFocus();
    expect(onPlan).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onPlan).toHaveBeenCalledWith(
      [
        { date: '2026-12-03', amountFen: 337_600, channel: '微信' },
        { date: '2027-01-03', amountFen: 337_600, channel: '微信' },
        { date: '2027-02-03', amountFen: 337_600, channel: '微信' },
      ],
      OWED,
    );
  });

  it('tabs through the fields in the same order', async () => {
    const user = userEvent.setup();
    renderEditor({ autoFocus: true, pinned: { date: '2026-12-03', amountFen: 300_000, channel: '转账' } });
    await waitFor(() => expect(screen.getByLabelText('分期总额')).toHaveFocus());
    const order = ['按期数', '期数', '首期日期', '转账', '第 2 期日期', '第 2 期金额', '第 3 期日期'];
    for (const name of order) {
      await user.tab();
      const expected = ['按期数', '转账'].includes(name) ? screen.getByRole('radio', { name }) : screen.getByLabelText(name);
      expect(expected).toHaveFocus();
    }
  });

  it('never changes money with ↑↓', async () => {
    const user = userEvent.setup();
    renderEditor();
    const amount = screen.getByLabelText('第 1 期金额');
    await user.click(amount);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowDown}');
    expect(amount).toHaveValue('3376.00');
    const total = screen.getByLabelText('分期总额');
    await user.click(total);
    await user.keyboard('{ArrowUp}');
    expect(total).toHaveValue('10128.00');
    expect(rowAmounts()).toEqual(['3376.00', '3376.00', '3376.00']);
  });

  it('says why a plan beyond the rules cannot be made, beside the right row, and cannot submit it', async () => {
    const user = userEvent.setup();
    const onPlan = renderEditor();
    await choose(user, '微信');
    await typeDate('首期日期', '2027-01-10');
    await waitFor(() => expect(within(tableRow(1)).getByText('最远只能约到 2026-12-26（30 天内）')).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();

    await typeDate('首期日期', '2026-12-10');
    await waitFor(() => expect(submitButton()).toBeEnabled());
    await typeDate('第 3 期日期', '2028-01-10');
    await waitFor(() => expect(within(tableRow(3)).getByText('最远只能约到 2027-11-27（366 天内）')).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();
    await typeDate('第 3 期日期', '2027-01-05');
    await waitFor(() => expect(within(tableRow(3)).getByText('日期要晚于第 2 期')).toBeInTheDocument());
    await typeDate('第 3 期日期', '2027-02-10');
    await waitFor(() => expect(submitButton()).toBeEnabled());

    await setAmount(user, '分期总额', '20000');
    await waitFor(() => expect(screen.getByText('约定总额 20,000.00 元，超过欠费 10,128.00 元')).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();
    await setAmount(user, '分期总额', '10128');
    await setAmount(user, '期数', '1');
    await waitFor(() => expect(screen.getByText('分期至少要 2 期（只缴一次请直接约定日期）')).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();
    await setAmount(user, '期数', '13');
    await waitFor(() => expect(screen.getByText('最多分 12 期')).toBeInTheDocument());
    await choose(user, '按每期金额');
    await setAmount(user, '每期金额', '500');
    await waitFor(() => expect(screen.getByText('每期 500.00 元要分 21 期，最多分 12 期，请提高每期金额')).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(onPlan).not.toHaveBeenCalled();
  });
});
