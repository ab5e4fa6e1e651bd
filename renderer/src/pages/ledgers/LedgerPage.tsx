import { useState } from 'react';
import { App, Breadcrumb, Button, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { useApi } from '../../hooks/useApi.js';
import { ApiError } from '../../api.js';
import { hrefOf } from '../../routes.js';
import { RecordTable } from '../../components/RecordTable.js';
import { RecordForm } from '../../components/RecordForm.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { DEFAULT_QUERY, recordLabel, type LedgerRecord, type RecordQuery } from '../../records.js';
import { LedgerToolbar } from './LedgerToolbar.js';
import { useDeleteRecord } from './useDeleteRecord.js';
import { LedgerTypeActions } from './LedgerTypeActions.js';
import { ExportButton } from '../../components/export/ExportButton.js';

/** The form is either closed, adding a record, or editing one. */
type Editing = { record: LedgerRecord | null } | null;

function LedgerRecords({ definition }: { definition: LedgerDefinition }) {
  const { message } = App.useApp();
  const [query, setQuery] = useState<RecordQuery>(DEFAULT_QUERY);
  const [editing, setEditing] = useState<Editing>(null);
  const records = useApi('records.list', { ledger: definition.key, ...query });
  const confirmDelete = useDeleteRecord(definition, records.reload);
  const changeQuery = (change: Partial<RecordQuery>) => setQuery((q) => ({ ...q, ...change }));

  const saved = (record: LedgerRecord, created: boolean) => {
    setEditing(null);
    void message.success(`${created ? '已新增' : '已保存'}：${recordLabel(definition, record)}`);
    records.reload();
  };

  return (
    <>
      <LedgerToolbar
        query={query}
        onQueryChange={changeQuery}
        onAdd={() => setEditing({ record: null })}
        actions={<ExportButton definition={definition} query={query} />}
      />
      {records.error && <LoadProblem what="读取记录" error={records.error} onRetry={records.reload} />}
      <RecordTable
        definition={definition}
        rows={records.data?.rows ?? []}
        total={records.data?.total ?? 0}
        loading={records.loading}
        query={query}
        onQueryChange={changeQuery}
        onEdit={(record) => setEditing({ record })}
        onDelete={confirmDelete}
      />
      {editing && (
        <RecordForm
          key={editing.record?.id ?? 'new'}
          definition={definition}
          record={editing.record}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </>
  );
}

/** One ledger, laid out from its definition: the records table, its filters and the record form. */
export function LedgerPage({ ledgerKey }: { ledgerKey: string }) {
  const { data: definition, error, reload } = useApi('ledgers.get', { key: ledgerKey });
  if (error && !definition) {
    return error instanceof ApiError && error.code === 'not-found' ? (
      <Result
        status="404"
        title="台账不存在"
        subTitle={error.message}
        extra={
          <Button type="primary" href={hrefOf({ name: 'ledgers' })}>
            返回台账目录
          </Button>
        }
      />
    ) : (
      <LoadProblem what={`打开台账“${ledgerKey}”`} error={error} onRetry={reload} />
    );
  }
  if (!definition) return <Skeleton active />;
  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={[{ title: <a href={hrefOf({ name: 'ledgers' })}>台账</a> }, { title: definition.label }]} />
      <Flex align="center" gap={12}>
        <Typography.Title level={3} className="page-title">
          {definition.label}
        </Typography.Title>
        <Tag>{definition.category}</Tag>
        <Tag color={definition.kind === 'plan' ? 'purple' : 'geekblue'}>
          {definition.kind === 'plan' ? '计划与名单' : '记录台账'}
        </Tag>
        <LedgerTypeActions ledgerKey={definition.key} />
      </Flex>
      <LedgerRecords definition={definition} />
    </Flex>
  );
}
