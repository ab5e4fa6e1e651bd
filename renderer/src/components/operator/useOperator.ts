import { useEffect, useSyncExternalStore } from 'react';
import type { ApiOutput } from '../../../../shared/api.js';
import { call } from '../../api.js';

type Operator = ApiOutput<'operator.get'>;

/*
 * One copy of the operator's name for the whole page: the top bar, the first-use question and 设置
 * all read it, and a change made in 设置 shows everywhere at once.
 */
let current: Operator | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function publish(next: Operator): void {
  current = next;
  for (const listener of listeners) listener();
}

function load(): void {
  loading ??= call('operator.get', {}).then(publish, () => {
    // Left unknown: the top bar shows nothing and the page goes on; the next mount tries again.
    loading = undefined;
  });
}

export function useOperator(): Operator | undefined {
  useEffect(load, []);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Stores the name for this installation; a refusal comes back as the ApiError with its Chinese message. */
export async function setOperator(name: string): Promise<string> {
  const saved = await call('operator.set', { name });
  publish({ ...(current ?? { canChange: true }), name: saved.name, asked: true });
  return saved.name;
}
