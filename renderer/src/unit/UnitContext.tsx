import { createContext, useContext, type ReactNode } from 'react';
import type { ApiOutput } from '../../../shared/api.js';
import { useApi } from '../hooks/useApi.js';

type Unit = ApiOutput<'units.list'>['units'][number];

export interface UnitState {
  units: Unit[];
  current: Unit | undefined;
  loading: boolean;
  error: Error | undefined;
  /** Ask the ledger file again, after a unit was added or chosen. */
  reload(): void;
}

const UnitContext = createContext<UnitState | null>(null);

/** Loads the ledger file's 填报单位 once and shares them with every page. */
export function UnitProvider({ children }: { children: ReactNode }) {
  const { data, error, loading, reload } = useApi('units.list', {});
  const units = data?.units ?? [];
  const current = units.find((u) => u.id === data?.currentId) ?? units[0];
  return <UnitContext value={{ units, current, loading: loading && !data, error, reload }}>{children}</UnitContext>;
}

export function useUnits(): UnitState {
  const state = useContext(UnitContext);
  if (!state) throw new Error('useUnits must be used inside <UnitProvider>');
  return state;
}
