import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Breadcrumb, Button, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { useApi } from '../../hooks/useApi.js';
import { ApiError } from '../../api.js';
import { hrefOf } from '../../routes.js';
import { RecordForm } from '../../components/RecordForm.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { RecordHistoryDrawer } from '../../components/history/RecordHistoryDrawer.js';
import { LedgerGrid, type LedgerGridHandle } from '../../components/grid/LedgerGrid.js';
import { GridFooter } from '../../components/grid/GridFooter.js';
import { useEditHistory, type Edit } from '../../components/grid/useEditHistory.js';
import {
  editableFields,
  filterInput,
  filterCount,
  recordLabel,
  type LedgerRecord,
  type LedgerView,
} from '../../records.js';
import { formatCount } from '../../format.js';
import { LedgerOutputs, LedgerToolbar } from './LedgerToolbar.js';
import { LedgerFilters } from './LedgerFilters.js';
import { BulkEditDialog } from './BulkEditDialog.js';
import { useDeleteRecord } from './useDeleteRecord.js';
import { LedgerTypeActions } from './LedgerTypeActions.js';
import { useLedgerView } from './useLedgerView.js';
import { ExportButton } from '../../components/export/ExportButton.js';

/** The form is either closed, adding a record, or editing one. */
type Editing = { record: LedgerRecord | null } | null;

function LedgerRecords({ definition }: { definition: LedgerDefinition }) {
  const { message } = App.useApp();
  const [view, applyView] = useLedgerView(hrefOf({ name: 'ledger', key: definition.key }));
  const [periodProblem, setPeriodProblem] = useState<string>();
  const [filtersOpen, setFiltersOpen] = useState(() => filterCount(view) > 0);
  const [editing, setEditing] = useState<Editing>(null);
  const [historyOf, setHistoryOf] = useState<LedgerRecord | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [selected, setSelected] = useState(0);
  const [version, setVersion] = useState(0);
  const [counted, setCounted] = useState<{ view: LedgerView; total: number }>();
  const grid = useRef<LedgerGridHandle>(null);
  const search = useRef<InputRef>(null);
  const blocked = periodProblem !== undefined;
  const changeView = useCallback(
    (change: Partial<LedgerView>) => grid.current?.show(applyView(change), blocked),
    [applyView, blocked],
  );

  const written = useCallback(() => {
    grid.current?.reload();
    setVersion((v) => v + 1);
  }, []);
  const history = useEditHistory(written);
  const edited = useCallback(
    (edit: Edit) => {
      history.record(edit);
      setVersion((v) => v + 1);
    },
    [history],
  );
  const confirmDelete = useDeleteRecord(definition, (record) => {
    edited({
      kind: 'delete',
      id: record.id,
      label: recordLabel(definition, record),
      ledger: definition.key,
      values: record.values,
      recordDate: record.recordDate,
    });
    grid.current?.reload();
  });

  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      history.step(direction).then(
        (edit) => edit && void message.success(`已${direction === 'undo' ? '撤销' : '重做'}：${edit.label}`),
        (error: unknown) =>
          void message.error(`${direction === 'undo' ? '撤销' : '重做'}失败：${(error as Error).message}`),
      );
    },
    [history, message],
  );

  // Ctrl+F goes to the search box, as in a spreadsheet, instead of the browser's find bar.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        search.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const saved = (record: LedgerRecord, created: boolean, before: LedgerRecord | null, addAnother: boolean) => {
    setEditing(addAnother ? { record: null } : null);
    const label = recordLabel(definition, record);
    void message.success(`${created ? '已新增' : '已保存'}：${label}`);
    edited(
      created || !before
        ? {
            kind: 'create',
            id: record.id,
            label,
            ledger: definition.key,
            values: record.values,
            recordDate: record.recordDate,
          }
        : { kind: 'update', id: record.id, label, before: before.values, after: record.values },
    );
    grid.current?.reload();
  };

  return (
    <>
      <Flex align="center" gap={12}>
        <Typography.Title level={3} className="page-title">
          {definition.label}
        </Typography.Title>
        <Tag>{definition.category}</Tag>
        <Tag color={definition.kind === 'plan' ? 'purple' : 'geekblue'}>
          {definition.kind === 'plan' ? '计划与名单' : '记录台账'}
        </Tag>
        <LedgerTypeActions ledgerKey={definition.key}>
          <LedgerOutputs
            ledgerKey={definition.key}
            view={view}
            exportButton={<ExportButton definition={definition} query={filterInput(definition, view)} />}
          />
        </LedgerTypeActions>
      </Flex>
      <LedgerToolbar
        ref={search}
        searchFields={editableFields(definition)
          .slice(0, 3)
          .map((f) => f.label)}
        view={view}
        onViewChange={changeView}
        onPeriodProblem={setPeriodProblem}
        filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen((open) => !open)}
        onAdd={() => setEditing({ record: null })}
        onBulkEdit={() => setBulkOpen(true)}
        history={{ canUndo: history.canUndo, canRedo: history.canRedo, step }}
      />
      {filtersOpen && <LedgerFilters definition={definition} view={view} onChange={(change) => changeView(change)} />}
      <LedgerGrid
        ref={grid}
        definition={definition}
        view={view}
        blocked={blocked}
        actions={{
          onEdit: (record) => setEditing({ record }),
          onHistory: (record) => setHistoryOf(record),
          onDelete: confirmDelete,
        }}
        onSortChange={(sort) => changeView({ sort })}
        onCounted={(shown, total) => setCounted({ view: shown, total })}
        onSelectionChange={setSelected}
        onEdited={edited}
        onHistoryStep={step}
      />
      <GridFooter
        definition={definition}
        view={view}
        blocked={blocked}
        count={blocked ? 0 : counted?.view === view ? counted.total : undefined}
        selected={selected}
        version={version}
      />
      {editing && (
        <RecordForm
          key={editing.record?.id ?? `new-${version}`}
          definition={definition}
          record={editing.record}
          onClose={() => setEditing(null)}
          onSaved={(record, created, addAnother) => saved(record, created, editing.record, addAnother)}
        />
      )}
      {historyOf && (
        <RecordHistoryDrawer
          key={historyOf.id}
          recordId={historyOf.id}
          label={recordLabel(definition, historyOf)}
          onClose={() => setHistoryOf(null)}
        />
      )}
      {bulkOpen && (
        <BulkEditDialogFor
          definition={definition}
          view={view}
          blocked={blocked}
          selectedIds={grid.current?.selectedIds() ?? []}
          onClose={() => setBulkOpen(false)}
          onDone={(edit, updated, matched) => {
            setBulkOpen(false);
            edited(edit);
            const same = matched - updated;
            void message.success(
              `已批量修改 ${formatCount(updated)} 条记录${same > 0 ? `（另有 ${formatCount(same)} 条原本就是这个值）` : ''}`,
            );
            grid.current?.reload();
          }}
        />
      )}
    </>
  );
}

/** The bulk dialog needs the view's count, asked when it opens. */
function BulkEditDialogFor(props: Omit<Parameters<typeof BulkEditDialog>[0], 'total'> & { blocked: boolean }) {
  const { blocked, ...rest } = props;
  const totals = useApi('records.totals', blocked ? null : filterInput(props.definition, props.view));
  return <BulkEditDialog {...rest} total={blocked ? 0 : (totals.data?.count ?? 0)} />;
}

/** One ledger, laid out from its definition: the records grid, its filters and the record form. */
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
    <Flex vertical gap={12} className="ledger-page">
      <Breadcrumb items={[{ title: <a href={hrefOf({ name: 'ledgers' })}>台账</a> }, { title: definition.label }]} />
      <LedgerRecords definition={definition} />
    </Flex>
  );
}
