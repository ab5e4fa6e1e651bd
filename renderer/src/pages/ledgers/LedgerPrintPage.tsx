import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { defaultExportTitle } from '../../../../shared/export-title.js';
import { parsePeriod } from '../../../../shared/period.js';
import { chineseDate, todayIso } from '../../../../shared/dates.js';
import { QUERY_BLOCK_MAX } from '../../../../shared/record-grid-api.js';
import { call, errorMessage } from '../../api.js';
import { useApi } from '../../hooks/useApi.js';
import { useUnits } from '../../unit/UnitContext.js';
import { formatCell, formatCount } from '../../format.js';
import { hrefOf } from '../../routes.js';
import {
  filterInput,
  paramsOfHash,
  queryInput,
  viewFromParams,
  viewToParams,
  type LedgerRecord,
  type LedgerView,
} from '../../records.js';

/**
 * The most rows one printout holds: about 150 A4 pages. A larger view is printed in parts, one
 * page of the printout per "第 N 部分", chosen on screen.
 */
export const PRINT_ROWS_MAX = 3000;

/** U+3000, the full-width space paper forms leave for handwriting, as in the exported table. */
const GAP = '\u3000';

/** Figures and short values keep to one line; free text wraps inside its column. */
function cellClass(field: FieldDefinition): string | undefined {
  if (field.type === 'money' || field.type === 'int') return 'print-right print-nowrap';
  if (['idcard', 'phone', 'date', 'month', 'enum', 'person'].includes(field.type)) return 'print-center print-nowrap';
  return undefined;
}

/** Printed like the exported table: more than eight columns go landscape. */
function landscape(def: LedgerDefinition): boolean {
  return def.fields.length + 1 > 8;
}

function PrintTable({
  definition,
  view,
  rows,
  first,
  total,
  sums,
}: {
  definition: LedgerDefinition;
  view: LedgerView;
  rows: LedgerRecord[];
  first: number;
  total: number;
  sums: Record<string, number>;
}) {
  const { units, current } = useUnits();
  const unitName = units.find((u) => u.id === view.unitId)?.name ?? current?.name ?? '';
  const title = defaultExportTitle({
    periodLabel: view.period ? parsePeriod(view.period)?.label : undefined,
    unitName,
    ledgerLabel: definition.label,
  });
  const totals = new Set(definition.totals ?? []);
  const hasTotals = definition.fields.some((f) => totals.has(f.key)) && first === 0 && rows.length === total;
  return (
    <table className="print-table">
      <thead>
        <tr>
          <th colSpan={definition.fields.length + 1} className="print-title">
            {title}
          </th>
        </tr>
        <tr>
          <th colSpan={definition.fields.length + 1} className="print-info">
            {`填报单位（盖章）：${unitName}${GAP.repeat(2)}填报日期：${chineseDate(todayIso())}`}
          </th>
        </tr>
        <tr className="print-header">
          <th>序号</th>
          {definition.fields.map((f) => (
            <th key={f.key}>{f.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id}>
            <td className="print-center">{first + i + 1}</td>
            {definition.fields.map((f) => (
              <td key={f.key} className={cellClass(f)}>
                {formatCell(f, row.values[f.key])}
              </td>
            ))}
          </tr>
        ))}
        {hasTotals && (
          <tr className="print-totals">
            <td className="print-center">合计</td>
            {definition.fields.map((f) => (
              <td key={f.key} className="print-right">
                {totals.has(f.key) && sums[f.key] !== undefined ? formatCell(f, sums[f.key]!) : ''}
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}

/**
 * 打印: the view of a ledger page laid out as the submitted table — title, unit and date, the
 * header repeated on every A4 page — with nothing of the app's screen around it.
 */
export function LedgerPrintPage({ ledgerKey }: { ledgerKey: string }) {
  const definition = useApi('ledgers.get', { key: ledgerKey });
  const view = viewFromParams(paramsOfHash(window.location.hash));
  const periodProblem = view.period && !parsePeriod(view.period) ? `无法识别的期间“${view.period}”` : undefined;
  const [part, setPart] = useState(0);
  const totals = useApi(
    'records.totals',
    definition.data && !periodProblem ? filterInput(definition.data, view) : null,
  );
  const [rows, setRows] = useState<LedgerRecord[] | null>(null);
  const [problem, setProblem] = useState<string>();
  const total = totals.data?.count ?? 0;
  const parts = Math.max(1, Math.ceil(total / PRINT_ROWS_MAX));
  const first = part * PRINT_ROWS_MAX;
  const viewKey = JSON.stringify(view);

  useEffect(() => {
    const def = definition.data;
    if (!def || !totals.data) return;
    let gone = false;
    setRows(null);
    (async () => {
      const got: LedgerRecord[] = [];
      const end = Math.min(total, first + PRINT_ROWS_MAX);
      for (let start = first; start < end; start += QUERY_BLOCK_MAX) {
        const answer = await call(
          'records.query',
          queryInput(def, view, start, Math.min(end, start + QUERY_BLOCK_MAX)),
        );
        got.push(...answer.rows);
      }
      if (!gone) setRows(got);
    })().catch((error: unknown) => !gone && setProblem(`读取记录失败：${errorMessage(error)}`));
    return () => {
      gone = true;
    };
    // The view is read from the address on each render; viewKey stands for it.
  }, [definition.data, totals.data, first, viewKey]);

  const back = `${hrefOf({ name: 'ledger', key: ledgerKey })}?${viewToParams(view).toString()}`;
  const def = definition.data;
  return (
    <div className={`print-page${def && landscape(def) ? ' print-landscape' : ''}`}>
      {def && <style>{`@page { size: A4 ${landscape(def) ? 'landscape' : 'portrait'}; margin: 12mm 10mm; }`}</style>}
      <Flex className="print-bar" gap={12} align="center" wrap>
        <Button href={back}>返回台账</Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} disabled={!rows} onClick={() => window.print()}>
          打印
        </Button>
        <Typography.Text>
          {totals.data
            ? parts > 1
              ? `共 ${formatCount(total)} 条，超过每次 ${formatCount(PRINT_ROWS_MAX)} 条，分 ${parts} 部分打印；本次打印第 ${formatCount(first + 1)}–${formatCount(Math.min(total, first + PRINT_ROWS_MAX))} 条`
              : `共 ${formatCount(total)} 条，将全部打印`
            : '正在统计…'}
        </Typography.Text>
        {parts > 1 && (
          <Flex gap={4} wrap>
            {Array.from({ length: parts }, (_, i) => (
              <Button key={i} size="small" type={i === part ? 'primary' : 'default'} onClick={() => setPart(i)}>
                第 {i + 1} 部分
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
      {(periodProblem || problem || definition.error) && (
        <Alert type="error" showIcon role="alert" title={periodProblem ?? problem ?? definition.error?.message} />
      )}
      {def && rows ? (
        <PrintTable
          definition={def}
          view={view}
          rows={rows}
          first={first}
          total={total}
          sums={totals.data?.sums ?? {}}
        />
      ) : (
        !periodProblem && <Spin className="print-spin" />
      )}
      <div className="print-footer">{`填表人：${GAP.repeat(3)}审核人：${GAP.repeat(3)}联系电话：`}</div>
    </div>
  );
}
