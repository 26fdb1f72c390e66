import { Button, DatePicker, Form, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, addMonths, spokenDate, type IsoDate } from '../../../../domain/dates';
import { formatFen, parseMoney, type Fen } from '../../../../domain/money';
import {
  monthlyDates,
  planDifference,
  planMonthly,
  planProblems,
  planRemainder,
  promiseChannels,
  splitProblem,
  type InstalmentSplit,
  type PinnedPromise,
  type PlanProblem,
  type PromiseChannel,
  type PromiseDraft,
} from '../../../../domain/promise';

export interface InstalmentPlanEditorProps {
  /** What the household owes: the default total, and the most a plan may cover. */
  owedFen: Fen;
  today: IsoDate;
  /** How far ahead the first date may lie (the team's pinning horizon). */
  horizonDays: number;
  /** A promise already pinned on this call (a part payment): the plan is it, then the rest planned monthly. */
  pinned?: PinnedPromise | null;
  /** Focus the first field when the editor appears. */
  autoFocus?: boolean;
  /** The whole plan (the pinned promise first, when given) and its total; only called with a plan `validatePlan` accepts. */
  onPlan(promises: PinnedPromise[], totalFen: Fen): void;
}

type SplitMode = 'count' | 'per';

/** One planned instalment as the table edits it (the pinned promise is not one of them). */
interface Row {
  date: IsoDate;
  /** Yuan as typed (InputNumber string mode); null when emptied. */
  amount: string | null;
}

interface Settings {
  total: string | null;
  mode: SplitMode;
  count: number | null;
  per: string | null;
  firstDate: IsoDate;
}

const DEFAULT_COUNT = 3;
const ISO = 'YYYY-MM-DD';
/** Compact: the editor sits in the call column under the script and the branch buttons. */
const ITEM_STYLE = { marginBottom: 8 };

/** Exact fen → yuan text ("10128.00"), without going through floating point. */
const yuanText = (fen: Fen): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

function fenOf(text: string | null): Fen | null {
  if (text === null || text.trim() === '') return null;
  const money = parseMoney(text);
  return money.ok ? money.fen : null;
}

/** The rows a choice of total, split and first date gives, or why it cannot be planned (and at which field). */
function generate(settings: Settings, pinned: PinnedPromise | null): { rows: Row[]; totalProblem: string | null; splitProblem: string | null } {
  const none = (totalProblem: string | null, splitProblemText: string | null = null) => ({ rows: [], totalProblem, splitProblem: splitProblemText });
  const totalFen = fenOf(settings.total);
  if (totalFen === null) return none('请填写分期总额');
  if (pinned && totalFen <= pinned.amountFen) return none(`分期总额要大于已约定的 ${formatFen(pinned.amountFen)} 元`);
  if (totalFen <= 0) return none('分期总额必须大于 0');
  let split: InstalmentSplit;
  if (settings.mode === 'count') {
    if (settings.count === null) return none(null, '请填写期数');
    split = { count: settings.count };
  } else {
    const per = fenOf(settings.per);
    if (per === null) return none(null, '请填写每期金额');
    split = { perInstalmentFen: per };
  }
  const restFen = totalFen - (pinned?.amountFen ?? 0);
  const problem = splitProblem(restFen, split);
  if (problem) return none(null, problem);
  // The channel is the plan's, chosen separately; rows carry dates and amounts only.
  const channel = promiseChannels[0];
  const plan = pinned ? planRemainder(totalFen, pinned, { ...split, channel, firstDateOfRest: settings.firstDate }).slice(1) : planMonthly(totalFen, { ...split, channel, firstDate: settings.firstDate });
  return { rows: plan.map((promise) => ({ date: promise.date, amount: yuanText(promise.amountFen) })), totalProblem: null, splitProblem: null };
}

/**
 * The fields Enter walks through, in order: every enabled input, a radio group counted once (its checked radio).
 * Buttons are left out: Enter on a button presses it.
 */
function planFields(root: HTMLElement): HTMLInputElement[] {
  const fields: HTMLInputElement[] = [];
  const groups = new Set<string>();
  for (const input of root.querySelectorAll('input')) {
    if (input.disabled || input.readOnly || input.type === 'hidden' || input.tabIndex < 0) continue;
    if (input.type === 'radio') {
      if (groups.has(input.name)) continue;
      groups.add(input.name);
      const group = [...root.querySelectorAll('input[type="radio"]')].filter((radio): radio is HTMLInputElement => radio instanceof HTMLInputElement && radio.name === input.name);
      fields.push(group.find((radio) => radio.checked) ?? input);
    } else fields.push(input);
  }
  return fields;
}

/**
 * 分期: the total (what is owed, or with a part payment already pinned, that and the rest), split into 期数 or by
 * 每期金额, from a first date monthly on the same day, one channel. Each instalment's date and amount can be
 * changed; the sum is checked to the fen against the total and `validatePlan`'s problems are said beside their
 * rows. Keyboard-first: Tab in order, Enter to the next field (and on the last, 按此分期约定), ↑↓ never change money.
 */
export function InstalmentPlanEditor({ owedFen, today, horizonDays, pinned = null, autoFocus = false, onPlan }: InstalmentPlanEditorProps) {
  const [settings, setSettings] = useState<Settings>(() => ({
    total: yuanText(owedFen),
    mode: 'count',
    count: DEFAULT_COUNT,
    per: null,
    // A part payment is followed a month later on the same day; otherwise the first instalment is in a week.
    firstDate: pinned ? addMonths(pinned.date, 1) : addDays(today, 7),
  }));
  const [generated, setGenerated] = useState(() => generate(settings, pinned));
  const [channel, setChannel] = useState<PromiseChannel | null>(pinned?.channel ?? null);
  const root = useRef<HTMLDivElement>(null);
  // Each radio group needs its own name: radios are grouped (and walked with ←→) by name.
  const id = useId();

  const change = (next: Partial<Settings>) => {
    const merged = { ...settings, ...next };
    setSettings(merged);
    setGenerated(generate(merged, pinned));
  };
  /** A new first date moves every date (monthly on its day) and keeps the amounts as edited. */
  const changeFirstDate = (firstDate: IsoDate) => {
    setSettings({ ...settings, firstDate });
    const dates = monthlyDates(firstDate, generated.rows.length);
    setGenerated({ ...generated, rows: generated.rows.map((row, i) => ({ ...row, date: dates[i]! })) });
  };
  const changeRow = (index: number, next: Partial<Row>) => setGenerated({ ...generated, rows: generated.rows.map((row, i) => (i === index ? { ...row, ...next } : row)) });

  const totalFen = fenOf(settings.total);
  const offset = pinned ? 1 : 0;
  const drafts: PromiseDraft[] = [...(pinned ? [pinned] : []), ...generated.rows.map((row) => ({ date: row.date, amountFen: fenOf(row.amount), channel }))];
  const blocked = generated.totalProblem !== null || generated.splitProblem !== null || totalFen === null;
  const problems: PlanProblem[] = blocked ? [] : planProblems(drafts, totalFen, { today, horizonDays, owedFen });
  const planLevel = (kind: PlanProblem['kind']) => problems.filter((problem) => problem.index === null && problem.kind === kind).map((problem) => problem.detail);
  const rowProblems = (index: number) => problems.filter((problem) => problem.index === index);
  const channelMissing = problems.some((problem) => problem.errors?.channel);
  const sumFen = drafts.reduce((sum, draft) => sum + (draft.amountFen ?? 0), 0);
  const difference = blocked ? null : planDifference(sumFen, totalFen);
  const valid = !blocked && problems.length === 0 && channel !== null;

  const submit = () => {
    if (!valid || channel === null || totalFen === null) return;
    onPlan(
      drafts.map((draft, i) => ({ date: draft.date!, amountFen: draft.amountFen!, channel: i < offset ? pinned!.channel : channel })),
      totalFen,
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !(event.target instanceof HTMLInputElement) || !root.current) return;
    const fields = planFields(root.current);
    const target = event.target;
    const index = fields.findIndex((field) => field === target || (target.type === 'radio' && field.type === 'radio' && field.name === target.name));
    if (index < 0) return;
    event.preventDefault();
    const next = fields[index + 1];
    if (next) next.focus();
    else submit();
  };

  const totalHelp = generated.totalProblem ?? planLevel('overOwed')[0];
  const splitHelp = generated.splitProblem ?? planLevel('count')[0];
  const latest = addDays(today, horizonDays);

  const tableRows = [
    ...(pinned ? [{ key: 'pinned', index: 0, date: pinned.date, pinned: true }] : []),
    ...generated.rows.map((row, i) => ({ key: String(i), index: i + offset, date: row.date, pinned: false })),
  ];

  return (
    <div ref={root} onKeyDown={onKeyDown} role="group" aria-label="分期约定" style={{ marginTop: 12, maxWidth: 600 }}>
      <Form component="div" layout="vertical" size="small">
        <Space wrap align="start" size={[12, 0]}>
          <Form.Item style={ITEM_STYLE} label={pinned ? '分期总额（元，含已约定）' : '分期总额（元）'} validateStatus={totalHelp ? 'error' : undefined} help={totalHelp}>
            <InputNumber<string>
              aria-label="分期总额"
              autoFocus={autoFocus}
              stringMode
              precision={2}
              keyboard={false}
              controls={false}
              value={settings.total}
              onChange={(total) => change({ total })}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item style={ITEM_STYLE} label="分法">
            <Radio.Group
              aria-label="分法"
              name={`${id}-mode`}
              optionType="button"
              value={settings.mode}
              onChange={(event) => {
                const mode = event.target.value as SplitMode;
                const restFen = (totalFen ?? 0) - (pinned?.amountFen ?? 0);
                // 每期金额 starts at an even share rounded up to whole yuan, so the plan does not change much.
                const per = settings.per ?? (restFen > 0 ? yuanText(Math.ceil(restFen / (settings.count ?? DEFAULT_COUNT) / 100) * 100) : null);
                change({ mode, per });
              }}
              options={[
                { value: 'count', label: '按期数' },
                { value: 'per', label: '按每期金额' },
              ]}
            />
          </Form.Item>
          {settings.mode === 'count' ? (
            <Form.Item style={ITEM_STYLE} label={pinned ? '其余分几期' : '期数'} validateStatus={splitHelp ? 'error' : undefined} help={splitHelp}>
              <InputNumber<number> aria-label="期数" precision={0} value={settings.count} onChange={(count) => change({ count })} style={{ width: 72 }} />
            </Form.Item>
          ) : (
            <Form.Item style={ITEM_STYLE} label="每期金额（元）" validateStatus={splitHelp ? 'error' : undefined} help={splitHelp}>
              <InputNumber<string> aria-label="每期金额" stringMode precision={2} keyboard={false} controls={false} value={settings.per} onChange={(per) => change({ per })} style={{ width: 110 }} />
            </Form.Item>
          )}
        </Space>
        <Space wrap align="start" size={[12, 0]}>
          <Form.Item style={ITEM_STYLE} label={pinned ? '其余首期日期' : '首期日期'} extra={spokenDate(settings.firstDate)}>
            <DatePicker
              aria-label="首期日期"
              value={dayjs(settings.firstDate)}
              format={ISO}
              allowClear={false}
              placeholder={`今天至 ${latest}`}
              onChange={(date: Dayjs | null) => date && changeFirstDate(date.format(ISO))}
              style={{ width: 128 }}
            />
          </Form.Item>
          <Form.Item style={ITEM_STYLE} label="缴费方式" validateStatus={channelMissing ? 'error' : undefined} help={channelMissing ? '请选择缴费方式' : undefined}>
            <Radio.Group aria-label="缴费方式" name={`${id}-channel`} optionType="button" value={channel} onChange={(event) => setChannel(event.target.value as PromiseChannel)} options={promiseChannels.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Space>
      </Form>

      {pinned && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          已约定 {spokenDate(pinned.date)}通过{pinned.channel}缴 {formatFen(pinned.amountFen)} 元
          {totalFen !== null && totalFen > pinned.amountFen ? `，其余 ${formatFen(totalFen - pinned.amountFen)} 元按月分期` : ''}
        </Typography.Paragraph>
      )}

      <Table
        size="small"
        pagination={false}
        aria-label="分期明细"
        dataSource={tableRows}
        locale={{ emptyText: '填好总额和期数后在这里列出每一期' }}
        columns={[
          { title: '期', dataIndex: 'index', width: 36, render: (index: number) => index + 1 },
          {
            title: '日期',
            width: 236,
            render: (_: unknown, row: (typeof tableRows)[number]) =>
              row.pinned ? (
                <span>
                  {row.date} <Typography.Text type="secondary">{spokenDate(row.date)}</Typography.Text>
                </span>
              ) : (
                <Space size={6}>
                  <DatePicker
                    aria-label={`第 ${row.index + 1} 期日期`}
                    size="small"
                    value={dayjs(row.date)}
                    format={ISO}
                    allowClear={false}
                    status={rowProblems(row.index).some((problem) => problem.errors?.date) ? 'error' : undefined}
                    onChange={(date: Dayjs | null) => date && changeRow(row.index - offset, { date: date.format(ISO) })}
                    style={{ width: 116 }}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {spokenDate(row.date)}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            title: '金额（元）',
            width: 112,
            render: (_: unknown, row: (typeof tableRows)[number]) =>
              row.pinned ? (
                formatFen(pinned!.amountFen)
              ) : (
                <InputNumber<string>
                  aria-label={`第 ${row.index + 1} 期金额`}
                  size="small"
                  stringMode
                  precision={2}
                  keyboard={false}
                  controls={false}
                  status={rowProblems(row.index).some((problem) => problem.errors?.amountFen) ? 'error' : undefined}
                  value={generated.rows[row.index - offset]!.amount}
                  onChange={(amount) => changeRow(row.index - offset, { amount })}
                  style={{ width: 100 }}
                />
              ),
          },
          {
            title: '说明',
            render: (_: unknown, row: (typeof tableRows)[number]) => {
              const says = rowProblems(row.index).flatMap((problem) => [problem.errors?.date, problem.errors?.amountFen].filter((text): text is string => Boolean(text)));
              return (
                <Space size={4} wrap>
                  {row.pinned && <Tag color="blue">已约定 · {pinned!.channel}</Tag>}
                  {says.map((text) => (
                    <Typography.Text key={text} type="danger" style={{ fontSize: 12 }}>
                      {text}
                    </Typography.Text>
                  ))}
                </Space>
              );
            },
          },
        ]}
      />

      <Space wrap style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }}>
        <span aria-label="合计核对">
          合计 {formatFen(sumFen)} 元{totalFen !== null && !blocked && <> / 总额 {formatFen(totalFen)} 元，</>}
          {blocked ? null : difference ? <Typography.Text type="danger">{difference}</Typography.Text> : <Typography.Text type="success">与总额一致</Typography.Text>}
        </span>
        <Button type="primary" disabled={!valid} onClick={submit}>
          按此分期约定
        </Button>
      </Space>
    </div>
  );
}
