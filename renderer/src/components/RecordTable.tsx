import { useState } from 'react';
import { Button, Space, Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import type { LedgerDefinition } from '../../../shared/ledger-definition.js';
import { columnWidth, formatCell } from '../format.js';
import { recordLabel, type LedgerRecord, type RecordQuery } from '../records.js';
import { countKey, useEvidenceCounts } from './evidence/useEvidenceCounts.js';
import { RecordHistoryDrawer } from './history/RecordHistoryDrawer.js';

interface Props {
  definition: LedgerDefinition;
  rows: LedgerRecord[];
  total: number;
  loading: boolean;
  query: RecordQuery;
  onQueryChange(change: Partial<RecordQuery>): void;
  onEdit(record: LedgerRecord): void;
  onDelete(record: LedgerRecord): void;
}

const NUMERIC = new Set(['int', 'money']);

function sortOrderOf(query: RecordQuery, key: string): SortOrder {
  if (query.sort?.field !== key) return null;
  return query.sort.direction === 'asc' ? 'ascend' : 'descend';
}

/** The records of one ledger, one column per field, paged and sorted by the store. */
export function RecordTable({ definition, rows, total, loading, query, onQueryChange, onEdit, onDelete }: Props) {
  const [historyOf, setHistoryOf] = useState<LedgerRecord | null>(null);
  const evidenceCounts = useEvidenceCounts(
    definition,
    rows.map((r) => r.id),
  );
  const cell = (field: LedgerDefinition['fields'][number], record: LedgerRecord) => {
    if (field.type !== 'attachments') return formatCell(field, record.values[field.key]);
    const count = evidenceCounts.get(countKey(record.id, field.key));
    return count ? `${count} 个文件` : '';
  };
  const fieldColumns: TableColumnsType<LedgerRecord> = definition.fields.map((field, index) => ({
    key: field.key,
    title: field.label,
    width: columnWidth(field),
    fixed: index === 0 ? 'left' : undefined,
    align: NUMERIC.has(field.type) ? 'right' : 'left',
    // One line per record keeps 500 rows scannable; the full text is in the cell's title.
    ellipsis: true,
    // Files are not values in the record: there is nothing to sort them by.
    sorter: field.type !== 'attachments',
    sortOrder: sortOrderOf(query, field.key),
    className: field.type === 'idcard' || NUMERIC.has(field.type) ? 'cell-figures' : undefined,
    render: (_: unknown, record: LedgerRecord) => cell(field, record),
  }));
  const columns: TableColumnsType<LedgerRecord> = [
    {
      key: 'seq',
      title: '序号',
      width: 64,
      fixed: 'left',
      align: 'center',
      render: (_: unknown, __: LedgerRecord, index: number) => (query.page - 1) * query.pageSize + index + 1,
    },
    ...fieldColumns,
    ...(definition.dateField
      ? []
      : [
          {
            key: 'recordDate',
            title: '归属日期',
            width: 116,
            sorter: true,
            sortOrder: sortOrderOf(query, 'recordDate'),
            render: (_: unknown, record: LedgerRecord) => record.recordDate,
          },
        ]),
    { key: 'unit', title: '填报单位', width: 200, ellipsis: true, render: (_: unknown, r: LedgerRecord) => r.unitName },
    {
      key: 'actions',
      title: '操作',
      width: 176,
      fixed: 'right',
      render: (_: unknown, record: LedgerRecord) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(record)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => setHistoryOf(record)}>
            修改记录
          </Button>
          <Button type="link" size="small" danger onClick={() => onDelete(record)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];

  const handleChange: TableProps<LedgerRecord>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = typeof one?.columnKey === 'string' && one.order ? one.columnKey : undefined;
      const direction = one?.order === 'descend' ? 'desc' : 'asc';
      onQueryChange({ page: 1, sort: field ? { field, direction } : { field: 'id', direction: 'desc' } });
      return;
    }
    onQueryChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
  };

  return (
    <>
      <Table<LedgerRecord>
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 100), 0) }}
        onChange={handleChange}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => `共 ${n} 条`,
        }}
      />
      {historyOf && (
        <RecordHistoryDrawer
          key={historyOf.id}
          recordId={historyOf.id}
          label={recordLabel(definition, historyOf)}
          onClose={() => setHistoryOf(null)}
        />
      )}
    </>
  );
}
