/** The acting user's signature and the backend's clock, as every record the backend writes uses them. */
import { ApiError } from '../../contract';
import type { CallContext } from './types';

export const UNSIGNED_MESSAGE = '请先填写管家姓名（关于/状态 → 本机设置），每条记录都要署名';

/** Who signs a record: the acting user's name, and the user id stored beside it. */
export interface Signature {
  steward: string;
  stewardId: string;
}

/** The acting user's signature; a record is never saved unsigned (VALIDATION while a desk's name is empty). */
export function signatureOf({ actor, storage }: CallContext): Signature {
  const name = actor.name.trim();
  if (name) return { steward: name, stewardId: actor.id };
  // A desk whose settings file cannot be read cannot sign: say why.
  if (storage.settings.error) throw storage.settings.error;
  throw new ApiError({ code: 'VALIDATION', message: UNSIGNED_MESSAGE, issues: [{ path: 'stewardName', message: UNSIGNED_MESSAGE }] });
}
