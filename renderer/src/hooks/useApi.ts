import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiMethod } from '../../../shared/api-methods.js';
import type { ApiInput, ApiOutput } from '../../../shared/api.js';
import { call } from '../api.js';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads one method's answer and loads it again whenever the input changes (compared by value).
 * Pass null to wait. An answer that arrives after a newer request started is dropped.
 */
export function useApi<M extends ApiMethod>(method: M, input: ApiInput<M> | null): ApiState<ApiOutput<M>> {
  const [data, setData] = useState<ApiOutput<M>>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(input !== null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    call(method, JSON.parse(key) as ApiInput<M>).then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
  }, [method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
