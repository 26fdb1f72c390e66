/**
 * 断其后路: a promise is an exact date, an amount and a channel — never "过两天". Validation, instalment plans
 * that add up to the chosen total, and the recap sentence a steward reads aloud. Pure.
 */
import { addDays, spokenDate, type IsoDate } from './dates';
import { formatFen, type Fen } from './money';

export const promiseChannels = ['转账', '微信', '支付宝', '前台', '上门收取'] as const;
export type PromiseChannel = (typeof promiseChannels)[number];

export interface PromiseDraft {
  date: IsoDate | null;
  amountFen: Fen | null;
  channel: PromiseChannel | null;
}

export interface PinnedPromise {
  date: IsoDate;
  amountFen: Fen;
  channel: PromiseChannel;
}

export interface PromiseRules {
  today: IsoDate;
  /** How far ahead a date may be pinned (default 30 days). */
  horizonDays: number;
  owedFen: Fen;
}

export const DEFAULT_HORIZON_DAYS = 30;

export type PromiseErrors = Partial<Record<keyof PromiseDraft, string>>;

export function validatePromise(draft: PromiseDraft, rules: PromiseRules): { ok: true; promise: PinnedPromise } | { ok: false; errors: PromiseErrors } {
  const errors: PromiseErrors = {};
  const latest = addDays(rules.today, rules.horizonDays);
  if (!draft.date) errors.date = '请约定具体的缴费日期（“过两天”不算数）';
  else if (draft.date < rules.today) errors.date = '日期不能早于今天';
  else if (draft.date > latest) errors.date = `最远只能约到 ${latest}（${rules.horizonDays} 天内）`;
  if (draft.amountFen === null || !Number.isSafeInteger(draft.amountFen)) errors.amountFen = '请填写金额';
  else if (draft.amountFen <= 0) errors.amountFen = '金额必须大于 0';
  else if (draft.amountFen > rules.owedFen) errors.amountFen = `金额不能超过欠费 ${formatFen(rules.owedFen)} 元`;
  if (!draft.channel) errors.channel = '请选择缴费方式';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, promise: { date: draft.date!, amountFen: draft.amountFen!, channel: draft.channel! } };
}

/**
 * An instalment plan: `count` payments every `everyDays` days from `firstDate`, adding up to exactly
 * `totalFen` (the remainder goes to the first payment). Each is then an ordinary promise.
 */
export function planInstalments(totalFen: Fen, count: number, firstDate: IsoDate, everyDays: number, channel: PromiseChannel): PinnedPromise[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
  const base = Math.floor(totalFen / count);
  return Array.from({ length: count }, (_, i) => ({
    date: addDays(firstDate, i * everyDays),
    amountFen: i === 0 ? totalFen - base * (count - 1) : base,
    channel,
  }));
}

/** How far ahead the last instalment of a plan may lie: a plan spans at most a year. */
export const PLAN_SPAN_DAYS = 366;

/** Every instalment valid, and together exactly the chosen total. */
export function validatePlan(plan: readonly PinnedPromise[], totalFen: Fen, rules: Omit<PromiseRules, 'horizonDays'> & { horizonDays: number }): string[] {
  const problems: string[] = [];
  plan.forEach((promise, i) => {
    // Later instalments may lie beyond the horizon: the horizon is for the first date pinned on the call.
    const result = validatePromise(promise, { ...rules, horizonDays: i === 0 ? rules.horizonDays : PLAN_SPAN_DAYS });
    if (!result.ok) problems.push(`第 ${i + 1} 期：${Object.values(result.errors).join('；')}`);
  });
  const sum = plan.reduce((total, promise) => total + promise.amountFen, 0);
  if (sum !== totalFen) problems.push(`各期合计 ${formatFen(sum)} 元，与约定总额 ${formatFen(totalFen)} 元不符`);
  for (let i = 1; i < plan.length; i += 1) if (plan[i]!.date <= plan[i - 1]!.date) problems.push(`第 ${i + 1} 期的日期要晚于第 ${i} 期`);
  return problems;
}

/**
 * The promises a call records, checked as the call flow checks them: none, one promise (date today…horizon,
 * amount within what is owed, a channel), or an instalment plan (each instalment valid, dates in order, the
 * total within what is owed). The backend runs this inside the write; the form and the machine run the same rules.
 */
export function callPromiseProblems(promises: readonly PinnedPromise[], rules: PromiseRules): string[] {
  if (promises.length === 0) return [];
  if (promises.length === 1) {
    const result = validatePromise(promises[0]!, rules);
    return result.ok ? [] : Object.values(result.errors);
  }
  const totalFen = promises.reduce((sum, promise) => sum + promise.amountFen, 0);
  const problems = validatePlan(promises, totalFen, rules);
  if (totalFen > rules.owedFen) problems.push(`各期合计 ${formatFen(totalFen)} 元，超过欠费 ${formatFen(rules.owedFen)} 元`);
  return problems;
}

/** The sentence read back at the end of the call. */
export function recapSentence(promises: readonly PinnedPromise[]): string {
  if (promises.length === 0) return '';
  const parts = promises.map((promise) => `${spokenDate(promise.date)}通过${promise.channel}缴 ${formatFen(promise.amountFen)} 元`);
  if (parts.length === 1) return `那我们说定了：${parts[0]}。到那天我会跟进，谢谢您。`;
  const total = promises.reduce((sum, promise) => sum + promise.amountFen, 0);
  return `那我们说定分 ${parts.length} 次缴，共 ${formatFen(total)} 元：${parts.join('；')}。每一次到期我都会跟进，谢谢您。`;
}
