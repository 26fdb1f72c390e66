/**
 * 今日跟进's filters (day, kind, community, 负责人) and page, as the backend's followups.today takes them: a new filter
 * starts again at its first page.
 */
import { useState } from 'react';
import type { QueueKind } from '../../../../domain/follow-up-rules';

/** The 负责人 filter's choices besides a steward's name. */
export const ALL = '__all__';
export const POOL = '__pool__';

/** The filter as the backend takes it: absent for everyone, null for the team pool, or a steward's name. */
export const ownerParam = (choice: string): { owner?: string | null } => (choice === ALL ? {} : { owner: choice === POOL ? null : choice });

export const PAGE_SIZE = 50;

export function useQueueFilters() {
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<QueueKind | null>(null);
  const [community, setCommunity] = useState<string | undefined>();
  const [owner, setOwner] = useState(ALL);
  const [page, setPage] = useState(1);
  /** A new filter starts again at its first page. */
  const filtered =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return {
    date,
    kind,
    community,
    owner,
    page,
    setPage,
    /** Whether anything narrows the day's list. */
    narrowed: !!kind || !!community || owner !== ALL,
    chooseDate: filtered(setDate),
    chooseKind: filtered(setKind),
    chooseCommunity: filtered(setCommunity),
    chooseOwner: filtered(setOwner),
  };
}
