/**
 * Keeps the call in progress as a draft, so a crash or restart can pick it up again, without a durable write per
 * keystroke: a step of the call (a new machine state) is saved at once; typing within a step (备注, a promise's
 * amount) is saved once it pauses for `delayMs`, and whatever is pending is saved when the call panel goes away.
 */
import { useEffect, useRef } from 'react';

/** How long typing must pause before the draft is written. */
export const DRAFT_TYPING_PAUSE_MS = 800;

interface Options {
  /** The machine state: a change is a step, saved at once. */
  state: string;
  /** Changes whenever anything in the call changes (the machine snapshot). */
  revision: unknown;
  /** While false (saving, ended) nothing is written, and anything pending is dropped. */
  active: boolean;
  save(): void;
  delayMs?: number;
}

export function useDraftSaver({ state, revision, active, save, delayMs = DRAFT_TYPING_PAUSE_MS }: Options): void {
  const savedState = useRef<string | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  useEffect(() => {
    const cancel = () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
    if (!active) {
      cancel();
      return;
    }
    cancel();
    if (savedState.current !== state) {
      savedState.current = state;
      saveRef.current();
      return;
    }
    pending.current = setTimeout(() => {
      pending.current = null;
      saveRef.current();
    }, delayMs);
  }, [state, revision, active, delayMs]);

  // Leaving the call (another page, a reload) saves what was typed last.
  useEffect(
    () => () => {
      if (!pending.current) return;
      clearTimeout(pending.current);
      pending.current = null;
      saveRef.current();
    },
    [],
  );
}
