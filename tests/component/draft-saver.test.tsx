import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_TYPING_PAUSE_MS, useDraftSaver } from '../../renderer/src/pages/call/use-draft-saver';

describe('the call draft is saved per step, and typing once it pauses', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const save = vi.fn();
    const hook = renderHook((props: { state: string; revision: number; active: boolean }) => useDraftSaver({ ...props, save }), {
      initialProps: { state: 'opening', revision: 0, active: true },
    });
    return { save, hook };
  };

  it('saves a new step at once, and forty keystrokes in 备注 as one write after the pause', () => {
    const { save, hook } = setup();
    expect(save).toHaveBeenCalledTimes(1);
    hook.rerender({ state: 'pin', revision: 1, active: true });
    expect(save).toHaveBeenCalledTimes(2);
    for (let key = 2; key < 42; key += 1) {
      hook.rerender({ state: 'pin', revision: key, active: true });
      act(() => void vi.advanceTimersByTime(100));
    }
    expect(save).toHaveBeenCalledTimes(2);
    act(() => void vi.advanceTimersByTime(DRAFT_TYPING_PAUSE_MS));
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('writes nothing while saving or after the call ended, dropping what was pending', () => {
    const { save, hook } = setup();
    hook.rerender({ state: 'opening', revision: 1, active: true });
    hook.rerender({ state: 'saving', revision: 2, active: false });
    act(() => void vi.advanceTimersByTime(DRAFT_TYPING_PAUSE_MS * 3));
    hook.rerender({ state: 'ended', revision: 3, active: false });
    hook.unmount();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves what was typed last when the call panel goes away before the pause', () => {
    const { save, hook } = setup();
    hook.rerender({ state: 'opening', revision: 1, active: true });
    expect(save).toHaveBeenCalledTimes(1);
    hook.unmount();
    expect(save).toHaveBeenCalledTimes(2);
  });
});
