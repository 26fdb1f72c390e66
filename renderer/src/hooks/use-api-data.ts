import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../electron/contract';

export interface ApiData<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }));

/**
 * Loads with `load` whenever its dependencies change (or on `reload`). While a new answer is on its way
 * the previous data stays on screen; answers to superseded requests are dropped.
 */
export function useApiData<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiData<T> {
  const [tick, setTick] = useState(0);
  // A new object whenever the request changes: what an answer is for. Compared during render, the way
  // React's docs store information from previous renders.
  const inputs = [...deps, tick];
  const [seen, setSeen] = useState({ inputs, request: {} as object });
  let request = seen.request;
  if (inputs.length !== seen.inputs.length || inputs.some((value, i) => !Object.is(value, seen.inputs[i]))) {
    request = {};
    setSeen({ inputs, request });
  }
  const [result, setResult] = useState<{ for: object | null; data: T | null; error: ApiError | null }>({ for: null, data: null, error: null });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ for: request, data, error: null }),
      (error: unknown) => current && setResult((previous) => ({ for: request, data: previous.data, error: asApiError(error) })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: result.data, error: result.error, loading: result.for !== request, reload };
}
