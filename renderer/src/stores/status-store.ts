/** The backend's status (version, data directory, storage health): read by the header and the 关于/状态 page. */
import { create } from 'zustand';
import { ApiError, type Api, type AppStatus } from '../../../electron/contract';

interface StatusState {
  status: AppStatus | null;
  error: ApiError | null;
  loading: boolean;
  refresh(api: Api): Promise<void>;
}

const initial = { status: null, error: null, loading: false };

export const useStatusStore = create<StatusState>()((set) => ({
  ...initial,
  async refresh(api) {
    set({ loading: true });
    try {
      set({ status: await api['app.status']({}), error: null, loading: false });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
      set({ error: apiError, loading: false });
    }
  },
}));

export const resetStatusStore = (): void => useStatusStore.setState(initial);

/**
 * The backend's "today" (Asia/Shanghai; fixed with --today in test mode), null until app.status has answered.
 * The renderer's one source of today; components read it through renderer/src/hooks/use-today.ts.
 */
export const selectBackendToday = (state: StatusState): string | null => state.status?.today ?? null;

/** Whether the day is settled: the backend said which day it is, or cannot be reached (then the machine's calendar). */
export const selectTodaySettled = (state: StatusState): boolean => state.status !== null || state.error !== null;
