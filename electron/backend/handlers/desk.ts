/** This desk's signature and clock, as every record the backend writes uses them. */
import { ApiError } from '../../contract';
import { shanghaiTimestamp } from '../../../domain/clock';
import type { BackendContext } from './types';

export const UNSIGNED_MESSAGE = '请先填写管家姓名（关于/状态 → 本机设置），每条记录都要署名';

/** The desk's steward name; a record is never saved unsigned (VALIDATION while the name is empty). */
export function signedSteward({ store }: BackendContext): string {
  const name = store.file('settings').read().stewardName.trim();
  if (!name) throw new ApiError({ code: 'VALIDATION', message: UNSIGNED_MESSAGE, issues: [{ path: 'stewardName', message: UNSIGNED_MESSAGE }] });
  return name;
}

/** Now, +08:00, on the backend's day (fixed in test mode). */
export const nowOf = ({ today }: BackendContext): string => `${today()}${shanghaiTimestamp().slice(10)}`;
