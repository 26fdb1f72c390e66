/** Field formats shared by every part of the contract. */
import { z } from 'zod';
import { TIME_OF_DAY } from '../../domain/clock';

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY, '时间格式应为 HH:mm');
