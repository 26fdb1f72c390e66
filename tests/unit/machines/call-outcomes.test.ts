import { describe, expect, it } from 'vitest';
import { callOutcomes, outcomeIdOfLabel, outcomeLabel, reachedSomeone } from '../../../state-machines/call-outcomes';

describe('call outcomes are stored by id, with their label beside it', () => {
  it('maps every label to its id and back', () => {
    for (const outcome of callOutcomes) {
      expect(outcomeIdOfLabel(outcome.label)).toBe(outcome.id);
      expect(outcomeLabel(outcome.id)).toBe(outcome.label);
    }
    expect(outcomeIdOfLabel('已发提醒')).toBeNull();
  });

  it('a call reached someone unless it rang out, was busy or was a wrong number', () => {
    expect(['no-answer', 'busy', 'wrong-person'].map(reachedSomeone)).toEqual([false, false, false]);
    expect(['promised', 'refused', 'hung-up', 'third-party', null, undefined].map(reachedSomeone)).toEqual([true, true, true, true, true, true]);
  });
});
