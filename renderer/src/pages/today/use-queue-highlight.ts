/**
 * The highlighted row of 今日跟进: the one chosen with ↑↓ or a click, else the first that may be called now. After
 * ↑↓ crossed into another page, that page's first or last row once it arrives.
 */
import { useState } from 'react';
import type { QueueRow } from '../../../../electron/contract';

export type PageEdge = 'first' | 'last';

export function useQueueHighlight(visible: readonly QueueRow[]) {
  const [selected, setSelected] = useState<string | null>(null);
  const [edge, setEdge] = useState<PageEdge | null>(null);
  const current =
    (edge === 'first' ? visible[0] : edge === 'last' ? visible[visible.length - 1] : undefined) ??
    visible.find((row) => row.householdId === selected) ??
    visible.find((row) => row.callable) ??
    visible[0];
  return {
    current,
    /** A click on a row. */
    select: (row: QueueRow) => setSelected(row.householdId),
    /** ↑↓ within the page. */
    moveTo: (row: QueueRow) => {
      setSelected(row.householdId);
      setEdge(null);
    },
    /** ↑↓ past the page's edge: the next page's first row, or the previous page's last. */
    enterAt: (at: PageEdge) => {
      setEdge(at);
      setSelected(null);
    },
  };
}
