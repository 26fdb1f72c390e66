/** UI preferences of this desk, kept across restarts. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface UiState {
  siderCollapsed: boolean;
  setSiderCollapsed(collapsed: boolean): void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      siderCollapsed: false,
      setSiderCollapsed: (siderCollapsed) => set({ siderCollapsed }),
    }),
    { name: 'call-coach-ui' },
  ),
);
