/**
 * 断其后路: a promise is an exact date, an amount and a channel — never "过两天". Validation, instalment plans
 * that add up to the chosen total (monthly on the same day, or after a part payment already pinned). How the
 * arrangement is read back lives with the scripts (scripts-library/render.ts arrangementText). Pure.
 */
import { addDays, addMonths, type IsoDate } from './dates';
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

/** How far ahead the last instalment of a plan may lie: a plan spans at most a year. */
export const PLAN_SPAN_DAYS = 366;

/** The most instalments the planner makes: monthly for a year (a plan spans at most PLAN_SPAN_DAYS anyway). */
export const MAX_INSTALMENTS = 12;

/** How a total is split: into `count` instalments, or a fixed amount each (the last takes what is left). */
export type InstalmentSplit = { count: number; perInstalmentFen?: never } | { perInstalmentFen: Fen; count?: never };

/** Why `totalFen` cannot be split this way (in Chinese), or null. */
export function splitProblem(totalFen: Fen, split: InstalmentSplit): string | null {
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) return '分期总额必须大于 0';
  if (split.count !== undefined) {
    if (!Number.isInteger(split.count) || split.count < 1) return '期数至少为 1';
    return split.count > MAX_INSTALMENTS ? `最多分 ${MAX_INSTALMENTS} 期` : null;
  }
  const per = split.perInstalmentFen;
  if (!Number.isSafeInteger(per) || per <= 0) return '每期金额必须大于 0';
  const count = Math.ceil(totalFen / per);
  return count > MAX_INSTALMENTS ? `每期 ${formatFen(per)} 元要分 ${count} 期，最多分 ${MAX_INSTALMENTS} 期，请提高每期金额` : null;
}

/**
 * The amounts of a split, adding up to `totalFen` exactly: `count` even shares with the remainder of an uneven
 * split on the first, or `perInstalmentFen` each with the last taking what is left (the count follows).
 * Throws a RangeError (with `splitProblem`'s words) for a split that cannot be made.
 */
export function instalmentAmounts(totalFen: Fen, split: InstalmentSplit): Fen[] {
  const problem = splitProblem(totalFen, split);
  if (problem) throw new RangeError(problem);
  if (split.count !== undefined) {
    const base = Math.floor(totalFen / split.count);
    return Array.from({ length: split.count }, (_, i) => (i === 0 ? totalFen - base * (split.count - 1) : base));
  }
  const per = split.perInstalmentFen;
  const count = Math.ceil(totalFen / per);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? totalFen - per * (count - 1) : per));
}

/**
 * `count` dates, monthly on the first date's day of the month: clamped at month ends and never drifted by a clamp
 * (Jan 31 → Feb 28/29 → Mar 31), across year ends (Dec 15 → Jan 15).
 */
export function monthlyDates(firstDate: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addMonths(firstDate, i));
}

export type MonthlyPlanOptions = InstalmentSplit & { firstDate: IsoDate; channel: PromiseChannel };

/** A plan by calendar months: `totalFen` split as asked, from `firstDate` monthly on the same day, one channel. */
export function planMonthly(totalFen: Fen, options: MonthlyPlanOptions): PinnedPromise[] {
  const amounts = instalmentAmounts(totalFen, options);
  const dates = monthlyDates(options.firstDate, amounts.length);
  return amounts.map((amountFen, i) => ({ date: dates[i]!, amountFen, channel: options.channel }));
}

export type RemainderPlanOptions = InstalmentSplit & { channel: PromiseChannel; firstDateOfRest: IsoDate };

/**
 * A promise already pinned on the call (a part payment: 3,000 of 10,128 元) followed by the rest of `totalFen`
 * (usually what is owed) planned monthly from `firstDateOfRest`: `[first, ...rest]`, together exactly `totalFen`.
 * Throws a RangeError when the pinned promise leaves nothing to plan, or for a split that cannot be made.
 */
export function planRemainder(totalFen: Fen, first: PinnedPromise, options: RemainderPlanOptions): PinnedPromise[] {
  const restFen = totalFen - first.amountFen;
  if (restFen <= 0) throw new RangeError('已约定的金额已覆盖分期总额，没有剩余可分期');
  return [first, ...planMonthly(restFen, { ...options, firstDate: options.firstDateOfRest })];
}

/** One thing wrong with a plan, placed where the editor shows it. */
export interface PlanProblem {
  /** The instalment (0-based) it belongs to, or null for the plan as a whole. */
  index: number | null;
  kind: 'instalment' | 'order' | 'count' | 'sum' | 'overOwed';
  /** The sentence as `validatePlan` says it (第 n 期：…). */
  message: string;
  /** The same, said beside its row (without 第 n 期). */
  detail: string;
  /** For an instalment: which of its fields are wrong, and why. */
  errors?: PromiseErrors;
}

/**
 * `validatePlan`'s rule, with each problem placed on its instalment. Accepts drafts (an amount not yet typed)
 * so an editor can check what it shows; a draft without an amount counts 0 toward the total.
 */
export function planProblems(plan: readonly PromiseDraft[], totalFen: Fen, rules: PromiseRules): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.length < 2) {
    const detail = '分期至少要 2 期（只缴一次请直接约定日期）';
    problems.push({ index: null, kind: 'count', message: detail, detail });
  }
  plan.forEach((promise, i) => {
    // Later instalments may lie beyond the horizon: the horizon is for the first date pinned on the call.
    const result = validatePromise(promise, { ...rules, horizonDays: i === 0 ? rules.horizonDays : PLAN_SPAN_DAYS });
    if (!result.ok) {
      const detail = Object.values(result.errors).join('；');
      problems.push({ index: i, kind: 'instalment', message: `第 ${i + 1} 期：${detail}`, detail, errors: result.errors });
    }
  });
  const sum = plan.reduce((total, promise) => total + (promise.amountFen !== null && Number.isSafeInteger(promise.amountFen) ? promise.amountFen : 0), 0);
  if (sum !== totalFen) {
    const message = `各期合计 ${formatFen(sum)} 元，与约定总额 ${formatFen(totalFen)} 元不符`;
    problems.push({ index: null, kind: 'sum', message, detail: message });
  }
  for (let i = 1; i < plan.length; i += 1) {
    const [before, date] = [plan[i - 1]!.date, plan[i]!.date];
    if (before && date && date <= before) problems.push({ index: i, kind: 'order', message: `第 ${i + 1} 期的日期要晚于第 ${i} 期`, detail: `日期要晚于第 ${i} 期`, errors: { date: `日期要晚于第 ${i} 期` } });
  }
  if (totalFen > rules.owedFen) {
    const message = `约定总额 ${formatFen(totalFen)} 元，超过欠费 ${formatFen(rules.owedFen)} 元`;
    problems.push({ index: null, kind: 'overOwed', message, detail: message });
  }
  return problems;
}

/**
 * Whether a plan is acceptable — the one rule the editor, the call flow and the backend share: at least two
 * instalments, each valid (the first within the horizon, later ones within PLAN_SPAN_DAYS, none above what is
 * owed), dates strictly increasing, together exactly the chosen total, and that total within what is owed.
 */
export function validatePlan(plan: readonly PinnedPromise[], totalFen: Fen, rules: PromiseRules): string[] {
  return planProblems(plan, totalFen, rules).map((problem) => problem.message);
}

/** How far the instalments are from the chosen total, in words ("还差 12.30 元" / "多了 5.00 元"), or null to the fen. */
export function planDifference(sumFen: Fen, totalFen: Fen): string | null {
  if (sumFen === totalFen) return null;
  return sumFen < totalFen ? `还差 ${formatFen(totalFen - sumFen)} 元` : `多了 ${formatFen(sumFen - totalFen)} 元`;
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
  // validatePlan also checks the total against what is owed.
  return validatePlan(promises, promises.reduce((sum, promise) => sum + promise.amountFen, 0), rules);
}


