/**
 * 今日跟进's keys: ↑↓ move the highlight (across pages), Enter starts its call, D / S / R open 完成 / 暂缓 / 转给.
 * Keys belong to whatever has focus: a field, a button, a dialog or a message (a nav link may keep focus: Enter then
 * still starts the highlighted call).
 */
import { useEffect } from 'react';
import type { QueueRow } from '../../../../electron/contract';
import type { QueueActionKind } from './QueueActionDialog';
import type { PageEdge } from './use-queue-highlight';

/** Letter keys for the highlighted row (outside text fields). */
const actionKeys: Record<string, QueueActionKind> = { d: 'complete', s: 'snooze', r: 'reassign' };

interface Options {
  /** While a dialog or the team settings are open, the keys are theirs. */
  paused: boolean;
  visible: readonly QueueRow[];
  current: QueueRow | undefined;
  page: number;
  pages: number;
  setPage(page: number): void;
  moveTo(row: QueueRow): void;
  enterAt(edge: PageEdge): void;
  startCall(row: QueueRow | undefined): void;
  openAction(row: QueueRow, action: QueueActionKind): void;
}

export function useQueueKeys({ paused, visible, current, page, pages, setPage, moveTo, enterAt, startCall, openAction }: Options): void {
  // Registered again on every render: the handler always sees this render's rows and page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, [role="button"], [role="combobox"], [contenteditable="true"], .ant-modal, .ant-message')) return;
      if (event.altKey || event.ctrlKey || event.metaKey || paused) return;
      const index = current ? visible.indexOf(current) : -1;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next = visible[index + step];
        if (next) {
          moveTo(next);
        } else if (page + step >= 1 && page + step <= pages) {
          // Past the page's edge: on to the next (or previous) page, keeping the highlight on screen.
          setPage(page + step);
          enterAt(step > 0 ? 'first' : 'last');
        }
      } else if (event.key === 'Enter') {
        event.preventDefault();
        startCall(current);
      } else if (current && actionKeys[event.key.toLowerCase()]) {
        event.preventDefault();
        openAction(current, actionKeys[event.key.toLowerCase()]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
