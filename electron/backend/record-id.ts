import { randomBytes } from 'node:crypto';

/** An id for a new record: readable prefix, creation time, and randomness against collisions. */
export const recordId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
