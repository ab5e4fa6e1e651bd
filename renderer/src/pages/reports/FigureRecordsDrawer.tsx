import { useState } from 'react';
import { Drawer, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FigureView } from '../../../../shared/report-draft.js';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { useApi } from '../../hooks/useApi.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { columnWidth, formatCell } from '../../format.js';
import type { LedgerRecord } from '../../records.js';
import type { DraftRef } from './useReportDraft.js';
import { figureValue } from './figureOptions.js';

const PAGE_SIZE = 20;
/** Enough of a record to recognise it; the ledger page has the rest. */
const SHOWN_FIELDS = 8;
/** Long or link-like values crowd out the ones that tell records apart. */
const HIDDEN_TYPES = new Set(['attachments', 'url', 'longtext']);

function columnsFor(definition: LedgerDefinition | undefined, offset: number): TableColumnsType<LedgerRecord> {
  const seq: TableColumnsType<LedgerRecord>[number] = {
    key: 'seq',
    title: '序号',
    width: 64,
    align: 'center',
    render: (_, __, index) => offset + index + 1,
  };
  if (!definition) {
    // Figures drawn from several ledgers (目标完成情况) list their records by date and content.
    return [
      seq,
      { key: 'date', title: '日期', width: 110, render: (_, r) => r.recordDate },
      {
        key: 'values',
        title: '内容',
        render: (_, r) =>
          Object.values(r.values)
            .filter((v) => v !== null && v !== '')
            .slice(0, SHOWN_FIELDS)
            .join('，'),
      },
    ];
  }
  // The date first: it is what places a record in the period.
  const shown = definition.fields.filter((f) => !HIDDEN_TYPES.has(f.type) && f.key !== definition.dateField);
  const dateField = definition.fields.find((f) => f.key === definition.dateField);
  const fieldColumns = shown.slice(0, SHOWN_FIELDS).map((field) => ({
    key: field.key,
    title: field.label,
    width: columnWidth(field),
    ellipsis: true,
    render: (_: unknown, r: LedgerRecord) => formatCell(field, r.values[field.key]),
  }));
  const date: TableColumnsType<LedgerRecord>[number] = {
    key: 'date',
    title: dateField?.label ?? '归属日期',
    width: 116,
    render: (_, r) => (dateField ? formatCell(dateField, r.values[dateField.key]) : r.recordDate),
  };
  return [seq, date, ...fieldColumns];
}

interface Props {
  figure: FigureView;
  draftRef: DraftRef;
  onClose(): void;
}

/** The records one figure counts, a page at a time, with the columns of their ledger. */
export function FigureRecordsDrawer({ figure, draftRef, onClose }: Props) {
  const [page, setPage] = useState(1);
  const records = useApi('reports.figureRecords', { ...draftRef, figure: figure.key, page, pageSize: PAGE_SIZE });
  const definition = useApi('ledgers.get', figure.ledger ? { key: figure.ledger } : null);
  const total = records.data?.total ?? figure.recordCount;
  return (
    <Drawer
      open
      title={`${figure.label}：${figureValue(figure)}`}
      onClose={onClose}
      size="min(960px, 92vw)"
      className="report-figure-records"
    >
      <Typography.Paragraph type="secondary" className="report-figure-records-note">
        {`本期计入这项数据的记录共 ${total} 条`}
        {figure.kind === 'count' &&
          figure.value !== total &&
          `，${figure.text}${figure.unit}是按这些记录合计或去重得出的`}
        。
      </Typography.Paragraph>
      {records.error && <LoadProblem what="读取来源记录" error={records.error} onRetry={records.reload} />}
      <Table
        size="small"
        rowKey="id"
        loading={records.loading || (figure.ledger !== null && !definition.data && !definition.error)}
        dataSource={records.data?.rows ?? []}
        columns={columnsFor(definition.data, (page - 1) * PAGE_SIZE)}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 条`,
        }}
      />
    </Drawer>
  );
}
