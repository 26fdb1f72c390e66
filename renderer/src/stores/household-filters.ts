/** The 业主欠费 screen's filters and sort: UI state, kept while the steward moves between screens. */
import { create } from 'zustand';
import type { HouseholdListInput } from '../../../electron/contract';

export type HouseholdFilters = Required<Pick<HouseholdListInput, 'owingOnly' | 'sort' | 'order'>> &
  Pick<HouseholdListInput, 'community' | 'building' | 'ageing' | 'kind'>;

interface FilterState {
  filters: HouseholdFilters;
  setFilters(patch: Partial<HouseholdFilters>): void;
  reset(): void;
}

const initial: HouseholdFilters = { owingOnly: true, sort: 'owed', order: 'desc' };

export const useHouseholdFilters = create<FilterState>()((set) => ({
  filters: initial,
  setFilters: (patch) =>
    set((state) => {
      const next = { ...state.filters, ...patch };
      // A building belongs to a community: changing the community clears it.
      if ('community' in patch && patch.community !== state.filters.community) delete next.building;
      for (const key of Object.keys(next) as (keyof HouseholdFilters)[]) if (next[key] === undefined) delete next[key];
      return { filters: next };
    }),
  reset: () => set({ filters: initial }),
}));
