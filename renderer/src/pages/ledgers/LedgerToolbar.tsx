import type { ReactNode } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { PeriodFilter } from '../../components/PeriodFilter.js';
import { useUnits } from '../../unit/UnitContext.js';
import type { RecordQuery } from '../../records.js';
import { useHashRoute } from '../../hooks/useHashRoute.js';
import { hrefOf } from '../../routes.js';

interface Props {
  query: RecordQuery;
  onQueryChange(change: Partial<RecordQuery>): void;
  onAdd(): void;
  /** More buttons after 新增记录, such as 导出 Excel. */
  actions?: ReactNode;
}

const ALL_UNITS = 0;

/** Search, period and unit filters above the records table, and the button that adds a record. */
export function LedgerToolbar({ query, onQueryChange, onAdd, actions }: Props) {
  const { units } = useUnits();
  // The toolbar is the ledger page's: the route names the ledger whose log it links to.
  const route = useHashRoute();
  return (
    <Flex gap={12} align="flex-start" wrap className="ledger-toolbar">
      <Input.Search
        aria-label="搜索"
        className="toolbar-search"
        placeholder="搜索姓名、身份证号等任意内容"
        enterButton="搜索"
        allowClear
        defaultValue={query.search}
        onSearch={(text) => onQueryChange({ page: 1, search: text.trim() || undefined })}
      />
      <PeriodFilter value={query.period} onChange={(period) => onQueryChange({ page: 1, period })} />
      {units.length > 1 && (
        <Select
          aria-label="填报单位"
          className="toolbar-unit"
          value={query.unitId ?? ALL_UNITS}
          options={[{ value: ALL_UNITS, label: '全部填报单位' }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
          onChange={(id: number) => onQueryChange({ page: 1, unitId: id === ALL_UNITS ? undefined : id })}
        />
      )}
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onAdd} className="toolbar-add">
        新增记录
      </Button>
      {actions}
      {route.name === 'ledger' && (
        <Button icon={<HistoryOutlined aria-hidden />} href={hrefOf({ name: 'ledger-log', key: route.key })}>
          修改日志
        </Button>
      )}
    </Flex>
  );
}
