/** Contract for 今日跟进 and the team lead's settings. */
import { z } from 'zod';
import type { QueueKind } from '../../domain/follow-up-rules';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

export const teamSettingsSchema = z
  .object({
    graceDays: z.number().int().min(0, '宽限天数不能为负').max(30, '宽限天数不超过 30 天'),
    callWindows: z
      .array(z.object({ start: time, end: time }).refine((window) => window.start < window.end, { message: '时段的开始要早于结束' }))
      .min(1, '至少要有一个通话时段')
      .max(4),
    maxCallsPerDay: z.number().int().min(1).max(5),
    maxCallsPerWeek: z.number().int().min(1).max(20),
    horizonDays: z.number().int().min(1).max(90),
    ladder: z.object({ residential: z.boolean(), shops: z.boolean(), writtenDemand: z.boolean() }),
  })
  .refine((settings) => settings.maxCallsPerWeek >= settings.maxCallsPerDay, { message: '每周上限不能小于每天上限', path: ['maxCallsPerWeek'] });

export const todayQueueInput = z.object({ date: isoDate.optional() }).strict();

export interface QueueRow {
  householdId: string;
  community: string;
  roomLabel: string;
  ownerName: string;
  owedFen: number;
  monthsOverdue: number;
  kind: QueueKind;
  reason: string;
  /** Other reasons the household is on the list. */
  moreReasons: string[];
  priority: number;
  followUpId: string | null;
  callable: boolean;
  notCallableBecause: string[];
}

export interface TodayQueue {
  date: string;
  counts: Record<QueueKind, number>;
  rows: QueueRow[];
}
