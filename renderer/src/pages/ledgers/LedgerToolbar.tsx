import { forwardRef, useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Flex, Input, Select, Tooltip } from 'antd';
import type { InputRef } from 'antd';
import {
  EditOutlined,
  FilterOutlined,
  HistoryOutlined,
  PlusOutlined,
  PrinterOutlined,
  RedoOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { PeriodFilter } from '../../components/PeriodFilter.js';
import { useUnits } from '../../unit/UnitContext.js';
import { filterCount, viewToParams, type LedgerView } from '../../records.js';
import { hrefOf } from '../../routes.js';

interface Props {
  /** The fields named in the search box's hint: the first few of the ledger's. */
  searchFields: string[];
  view: LedgerView;
  onViewChange(change: Partial<LedgerView>): void;
  onPeriodProblem(problem: string | undefined): void;
  filtersOpen: boolean;
  onToggleFilters(): void;
  onAdd(): void;
  onBulkEdit(): void;
  history: { canUndo: boolean; canRedo: boolean; step(direction: 'undo' | 'redo'): void };
}

const ALL_UNITS = 0;
/** Typing pauses this long before the search runs; Enter runs it at once. */
const SEARCH_PAUSE_MS = 250;

/** Search, period and unit above the grid, and the buttons that act on the ledger. */
export const LedgerToolbar = forwardRef<InputRef, Props>(function LedgerToolbar(
  { searchFields, view, onViewChange, onPeriodProblem, filtersOpen, onToggleFilters, onAdd, onBulkEdit, history },
  searchRef,
) {
  const { units } = useUnits();
  const [text, setText] = useState(view.search ?? '');
  useEffect(() => setText(view.search ?? ''), [view.search]);
  useEffect(() => {
    const wanted = text.trim() || undefined;
    if (wanted === view.search) return;
    const timer = setTimeout(() => onViewChange({ search: wanted }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, view.search, onViewChange]);
  const filters = filterCount(view);
  return (
    <Flex gap={8} align="flex-start" wrap className="ledger-toolbar">
      <Input.Search
        ref={searchRef}
        aria-label="搜索"
        className="toolbar-search"
        placeholder={`搜索${searchFields.join('、')}等任意一栏（Ctrl+F）`}
        enterButton="搜索"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => {
          setText(value);
          onViewChange({ search: value.trim() || undefined });
        }}
      />
      <PeriodFilter value={view.period} onChange={(period) => onViewChange({ period })} onProblem={onPeriodProblem} />
      {units.length > 1 && (
        <Select
          aria-label="填报单位"
          className="toolbar-unit"
          value={view.unitId ?? ALL_UNITS}
          options={[{ value: ALL_UNITS, label: '全部填报单位' }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
          onChange={(id: number) => onViewChange({ unitId: id === ALL_UNITS ? undefined : id })}
        />
      )}
      <Badge count={filters} size="small">
        <Button icon={<FilterOutlined aria-hidden />} onClick={onToggleFilters} aria-expanded={filtersOpen}>
          筛选
        </Button>
      </Badge>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onAdd} className="toolbar-add">
        新增记录
      </Button>
      <Button icon={<EditOutlined aria-hidden />} onClick={onBulkEdit}>
        批量修改
      </Button>
      <Tooltip title="撤销（Ctrl+Z）">
        <Button
          aria-label="撤销"
          icon={<UndoOutlined aria-hidden />}
          disabled={!history.canUndo}
          onClick={() => history.step('undo')}
        />
      </Tooltip>
      <Tooltip title="重做（Ctrl+Y）">
        <Button
          aria-label="重做"
          icon={<RedoOutlined aria-hidden />}
          disabled={!history.canRedo}
          onClick={() => history.step('redo')}
        />
      </Tooltip>
    </Flex>
  );
});

/** The buttons that take the view elsewhere: the export, its printout and the ledger's log. */
export function LedgerOutputs({
  ledgerKey,
  view,
  exportButton,
}: {
  ledgerKey: string;
  view: LedgerView;
  exportButton: ReactNode;
}) {
  const printHref = `${hrefOf({ name: 'ledger-print', key: ledgerKey })}?${viewToParams(view).toString()}`;
  return (
    <>
      {exportButton}
      <Button icon={<PrinterOutlined aria-hidden />} href={printHref}>
        打印
      </Button>
      <Button icon={<HistoryOutlined aria-hidden />} href={hrefOf({ name: 'ledger-log', key: ledgerKey })}>
        修改日志
      </Button>
    </>
  );
}
