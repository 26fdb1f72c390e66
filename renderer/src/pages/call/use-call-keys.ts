/**
 * One key for everything on the call screen: branch letters and outcome digits, K (账户已发) and G (提出异议) when no
 * field has the focus; Ctrl+Enter ends the call from anywhere, the notes and the callback time included.
 */
import { useEffect } from 'react';
import type { ObjectionType } from '../../../../domain/grievance';
import type { CallEvent } from '../../../../state-machines/call-flow';
import { outcomeForKey } from '../../../../state-machines/call-outcomes';
import { branchForKey, type Branch } from './call-steps';
import type { CallSnapshot, SendCallEvent } from './use-call-session';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

interface Options {
  snapshot: CallSnapshot;
  send: SendCallEvent;
  /** The objection G raises. */
  objection: ObjectionType;
  canTake(branch: Pick<Branch, 'event'>): boolean;
  canSendAccount: boolean;
  accountSent(): void;
}

export function useCallKeys({ snapshot, send, objection, canTake, canSendAccount, accountSent }: Options): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.metaKey) return;
      if (event.ctrlKey && event.key === 'Enter') {
        event.preventDefault();
        if (snapshot.can({ type: 'END' })) send({ type: 'END' });
        return;
      }
      if (event.ctrlKey || isTyping(event.target)) return;
      const outcome = outcomeForKey(event.key);
      if (outcome && snapshot.can({ type: 'OUTCOME', outcome })) {
        event.preventDefault();
        send({ type: 'OUTCOME', outcome });
        return;
      }
      if (event.key.toUpperCase() === 'K' && canSendAccount) {
        event.preventDefault();
        accountSent();
        return;
      }
      if (event.key.toUpperCase() === 'G' && snapshot.can({ type: 'OBJECTION', objection })) {
        event.preventDefault();
        send({ type: 'OBJECTION', objection });
        return;
      }
      const branch = branchForKey(event.key, canTake);
      if (branch) {
        // The key must not also land in the field the next step focuses.
        event.preventDefault();
        send({ type: branch.event } as CallEvent);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [snapshot, send, objection, canTake, canSendAccount, accountSent]);
}
