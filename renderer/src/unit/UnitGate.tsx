import type { ReactNode } from 'react';
import { Result, Spin } from 'antd';
import { useUnits } from './UnitContext.js';
import { FirstUnitForm } from './FirstUnitForm.js';

/** Shows the app only once the ledger file has a 填报单位; asks for one on first run. */
export function UnitGate({ children }: { children: ReactNode }) {
  const { units, loading, error, reload } = useUnits();
  if (loading) return <Spin size="large" className="page-spin" description="正在打开台账文件…" />;
  if (error && units.length === 0) return <Result status="error" title="无法打开台账文件" subTitle={error.message} />;
  if (units.length === 0) return <FirstUnitForm onCreated={reload} />;
  return children;
}
