/** Field formats shared by every part of the contract. */
import { z } from 'zod';
import { TIME_OF_DAY } from '../../domain/clock';
import { isIsoTimestamp, isRealIsoDate } from '../../domain/dates';
import { MAX_AMOUNT_FEN } from '../../domain/money';

/** A real calendar day (no 2026-02-30), YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(isRealIsoDate, '不是有效的日期（1990–2100 年间真实存在的日子）');
/** An ISO timestamp with its offset. */
export const timestampSchema = z.string().max(40).refine(isIsoTimestamp, '时间格式应为 2026-11-26T10:00:00+08:00');
/** Ids of records, households, jobs: never empty, never huge. */
export const idSchema = z.string().min(1).max(200);
/** An amount of money in fen: a positive whole number, at most 1 亿元. */
export const amountFenSchema = z.number().int().positive('金额必须大于 0').max(MAX_AMOUNT_FEN, '金额超出范围');
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY, '时间格式应为 HH:mm');
