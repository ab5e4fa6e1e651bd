import { useState } from 'react';
import { Breadcrumb, DatePicker, Flex, Select, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditEntryView } from '../../../../shared/audit-api.js';
import { useApi } from '../../hooks/useApi.js';
import { hrefOf } from '../../routes.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { AuditEntryText } from '../../components/history/AuditEntryText.js';
import '../../components/history/history.css';

const ACTION_NAMES: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  attach: '添加附件',
  detach: '移除附件',
};

interface Filter {
  operator?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const ALL = '';

function what(entry: AuditEntryView): string {
  if (entry.recordId !== undefined)
    return entry.recordLabel ? `${entry.recordLabel}（编号 ${entry.recordId}）` : `编号 ${entry.recordId}`;
  if (entry.action === 'import') return '整批导入';
  return '台账类型';
}

/** 修改日志: every change to one ledger's records, imports and type, newest first, paged by the store. */
export function LedgerLogPage({ ledgerKey }: { ledgerKey: string }) {
  const definition = useApi('ledgers.get', { key: ledgerKey });
  const [filter, setFilter] = useState<Filter>({ page: 1, pageSize: 50 });
  const log = useApi('audit.list', { ledger: ledgerKey, ...filter });
  const change = (next: Partial<Filter>) => setFilter((f) => ({ ...f, page: 1, ...next }));
  if (definition.error && !definition.data) {
    return <LoadProblem what={`打开台账“${ledgerKey}”`} error={definition.error} onRetry={definition.reload} />;
  }
  if (!definition.data) return <Skeleton active />;
  const label = definition.data.label;

  const columns: TableColumnsType<AuditEntryView> = [
    { key: 'at', title: '时间', width: 172, render: (_, e) => new Date(e.at).toLocaleString('zh-CN') },
    { key: 'operator', title: '操作人', width: 120, render: (_, e) => e.operator },
    { key: 'action', title: '操作', width: 96, render: (_, e) => ACTION_NAMES[e.action] ?? e.action },
    { key: 'what', title: '对象', width: 220, render: (_, e) => what(e) },
    { key: 'detail', title: '内容', render: (_, e) => <AuditEntryText entry={e} /> },
  ];

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { title: <a href={hrefOf({ name: 'ledgers' })}>台账</a> },
          { title: <a href={hrefOf({ name: 'ledger', key: ledgerKey })}>{label}</a> },
          { title: '修改日志' },
        ]}
      />
      <Typography.Title level={3} className="page-title">
        {label} · 修改日志
      </Typography.Title>
      <Flex gap={12} wrap align="center">
        <Select
          aria-label="操作人"
          className="ledger-log-operator"
          style={{ minWidth: 200 }}
          value={filter.operator ?? ALL}
          options={[
            { value: ALL, label: '全部操作人' },
            ...(log.data?.operators ?? []).map((name) => ({ value: name, label: name })),
          ]}
          onChange={(name: string) => change({ operator: name === ALL ? undefined : name })}
        />
        <DatePicker.RangePicker
          aria-label="日期范围"
          placeholder={['起始日期', '结束日期']}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Flex>
      {log.error && <LoadProblem what="读取修改日志" error={log.error} onRetry={log.reload} />}
      <Table<AuditEntryView>
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={log.data?.rows ?? []}
        loading={log.loading}
        onChange={(pagination) =>
          setFilter((f) => ({ ...f, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? f.pageSize }))
        }
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => `共 ${n} 条`,
        }}
      />
    </Flex>
  );
}
