import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../electron/backend/change-log';

describe('ChangeLog', () => {
  it('says which households changed after a revision', () => {
    const log = new ChangeLog();
    expect(log.since(0)).toEqual(new Set());
    log.touch('a');
    log.touch('b');
    log.commit();
    log.touch('b');
    log.touch('c');
    log.commit();
    expect(log.revision).toBe(2);
    expect(log.since(0)).toEqual(new Set(['a', 'b', 'c']));
    expect(log.since(1)).toEqual(new Set(['b', 'c']));
    expect(log.since(2)).toEqual(new Set());
  });

  it('answers null once the log no longer reaches back far enough', () => {
    const log = new ChangeLog(3);
    for (const id of ['a', 'b', 'c', 'd']) {
      log.touch(id);
      log.commit();
    }
    expect(log.since(0)).toBeNull();
    expect(log.since(1)).toEqual(new Set(['b', 'c', 'd']));
  });
});
