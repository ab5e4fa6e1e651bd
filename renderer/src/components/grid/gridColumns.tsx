import type { ColDef, ICellRendererParams, IRowNode, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { Button } from 'antd';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { columnWidth, formatCell, formatCount } from '../../format.js';
import { cellKey, isDraft, type DraftRow, type GridRow, type RecordRow, type RefusedCell } from './gridRows.js';

/** Whether the view filters by a field, for its header to say so. */
export type IsFiltered = (fieldKey: string) => boolean;

export interface ColumnActions {
  onEdit(record: RecordRow): void;
  onHistory(record: RecordRow): void;
  onDelete(record: RecordRow): void;
  /** Saves a draft row (the quick-entry row, or a 待修正 row) if its cells are right. */
  onSaveDraft(row: DraftRow): void;
  onDiscardDraft(draftId: string): void;
  /** A value typed or pasted into a field's cell; true when the cell shows it (refused or not). */
  onCellValue(node: IRowNode<GridRow>, row: GridRow, fieldKey: string, value: unknown): boolean;
}

const NUMERIC = new Set(['int', 'money']);

/** The raw value a cell shows: a refused one in place of the stored one, so it can be fixed. */
function cellValue(field: FieldDefinition, refused: ReadonlyMap<string, RefusedCell>) {
  return (p: ValueGetterParams<GridRow>) => {
    const row = p.data;
    if (!row) return null;
    if (isDraft(row)) return row.values[field.key] ?? null;
    if (field.type === 'attachments') return row.evidence?.[field.key] ?? 0;
    const bad = refused.get(cellKey(row.id, field.key));
    return bad ? bad.raw : (row.values[field.key] ?? null);
  };
}

function cellError(field: FieldDefinition, refused: ReadonlyMap<string, RefusedCell>, row: GridRow | undefined) {
  if (!row) return undefined;
  if (isDraft(row)) return row.errors[field.key];
  return refused.get(cellKey(row.id, field.key))?.message;
}

/** The quick-entry row, still empty, says what it is for in its frozen naming cell. */
function isEntryPrompt(field: FieldDefinition, first: FieldDefinition, p: { data?: GridRow; value?: unknown }) {
  const row = p.data;
  return field.key === first.key && isDraft(row) && row.kind === 'entry' && (p.value === null || p.value === undefined);
}

/**
 * The 序号 cell of a row not saved yet: 保存 for the quick-entry row; 待修正 and 保存 for a refused
 * one (saved by itself once its cells are right; 保存 also confirms a new choice the store asked about).
 */
function DraftSeqCell(p: ICellRendererParams<GridRow> & { actions: ColumnActions }) {
  const row = p.data;
  if (!isDraft(row)) return null;
  return row.kind === 'entry' ? (
    <Button size="small" type="primary" tabIndex={-1} onClick={() => p.actions.onSaveDraft(row)}>
      保存
    </Button>
  ) : (
    <span className="draft-seq">
      <span className="draft-tag" title="这一行还没有保存：改正标红的单元格后自动保存">
        待修正
      </span>
      <button type="button" className="grid-link" tabIndex={-1} onClick={() => p.actions.onSaveDraft(row)}>
        保存
      </button>
    </span>
  );
}

/**
 * 编辑 · 修改记录 · 删除 on a record; 放弃此行 on a 待修正 row. Plain buttons, not antd's: a screen
 * of rows draws dozens of them on every scroll. The mouse reaches them; the keyboard opens the
 * form with Shift+Enter on a row.
 */
function ActionsCell(p: ICellRendererParams<GridRow> & { actions: ColumnActions }) {
  const row = p.data;
  if (!row) return null;
  if (isDraft(row)) {
    return row.kind === 'pending' ? (
      <button
        type="button"
        className="grid-link grid-link-danger"
        tabIndex={-1}
        onClick={() => p.actions.onDiscardDraft(row.draftId)}
      >
        放弃此行
      </button>
    ) : null;
  }
  return (
    <span className="grid-actions">
      <button type="button" className="grid-link" tabIndex={-1} onClick={() => p.actions.onEdit(row)}>
        编辑
      </button>
      <button type="button" className="grid-link" tabIndex={-1} onClick={() => p.actions.onHistory(row)}>
        修改记录
      </button>
      <button
        type="button"
        className="grid-link grid-link-danger"
        tabIndex={-1}
        onClick={() => p.actions.onDelete(row)}
      >
        删除
      </button>
    </span>
  );
}

/**
 * The grid's columns, generated from the ledger's definition: 序号 (with the selection box) and
 * the record's naming field frozen at the left, one column per field, then the record's date
 * when no field dates it and the unit; the row's actions frozen at the right, in a column of their
 * own so that no header slides under them.
 */
export function gridColumns(
  def: LedgerDefinition,
  refused: ReadonlyMap<string, RefusedCell>,
  actions: ColumnActions,
  isFiltered: IsFiltered,
): ColDef<GridRow>[] {
  const nameField = def.fields.find((f) => f.type === 'person' || f.type === 'text') ?? def.fields[0]!;
  const fieldColumns: ColDef<GridRow>[] = def.fields.map((field) => ({
    colId: field.key,
    headerName: field.label,
    width: columnWidth(field),
    pinned: field.key === nameField.key ? 'left' : undefined,
    lockPinned: true,
    sortable: field.type !== 'attachments',
    editable: (p) => field.type !== 'attachments' && p.data !== undefined,
    valueGetter: cellValue(field, refused),
    valueSetter: (p) => (p.data ? actions.onCellValue(p.node!, p.data, field.key, p.newValue) : false),
    valueFormatter: (p: ValueFormatterParams<GridRow>) =>
      isEntryPrompt(field, nameField, p)
        ? '录入新记录'
        : field.type === 'attachments'
          ? p.value
            ? `${p.value as number} 个文件`
            : ''
          : formatCell(field, p.value as string | number | null),
    tooltipValueGetter: (p) => cellError(field, refused, p.data) ?? undefined,
    cellClass: NUMERIC.has(field.type)
      ? 'cell-figures cell-right'
      : field.type === 'idcard'
        ? 'cell-figures'
        : undefined,
    cellClassRules: {
      'cell-invalid': (p) => cellError(field, refused, p.data) !== undefined,
      'cell-prompt': (p) => isEntryPrompt(field, nameField, p),
    },
    headerClass: () =>
      [NUMERIC.has(field.type) ? 'header-right' : '', isFiltered(field.key) ? 'header-filtered' : '']
        .filter(Boolean)
        .join(' '),
  }));
  return [
    {
      colId: 'seq',
      headerName: '序号',
      width: 104,
      pinned: 'left',
      lockPinned: true,
      sortable: false,
      resizable: false,
      // Stored rows show their number as plain text; only rows not saved yet need a component.
      valueGetter: (p: ValueGetterParams<GridRow>) =>
        isDraft(p.data) || p.node?.rowIndex === null || p.node?.rowIndex === undefined
          ? ''
          : formatCount(p.node.rowIndex + 1),
      cellRendererSelector: (p) => (isDraft(p.data) ? { component: DraftSeqCell, params: { actions } } : undefined),
      cellClass: 'cell-seq',
    },
    ...fieldColumns,
    ...(def.dateField
      ? []
      : [
          {
            colId: 'recordDate',
            headerName: '归属日期',
            width: 116,
            editable: false,
            valueGetter: (p: ValueGetterParams<GridRow>) => (p.data && !isDraft(p.data) ? p.data.recordDate : ''),
          } satisfies ColDef<GridRow>,
        ]),
    {
      colId: 'unit',
      headerName: '填报单位',
      width: 180,
      sortable: false,
      editable: false,
      valueGetter: (p: ValueGetterParams<GridRow>) => (p.data && !isDraft(p.data) ? p.data.unitName : ''),
    },
    {
      colId: 'actions',
      headerName: '操作',
      width: 196,
      pinned: 'right',
      lockPinned: true,
      sortable: false,
      resizable: false,
      editable: false,
      cellRenderer: ActionsCell,
      cellRendererParams: { actions },
    },
  ];
}
