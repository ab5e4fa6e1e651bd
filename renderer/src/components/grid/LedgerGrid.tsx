import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent as ReactClipboardEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellFocusedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IDatasource,
  IRowNode,
  SortChangedEvent,
} from 'ag-grid-community';
import { App } from 'antd';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { validateRecord } from '../../../../shared/validation.js';
import { EVIDENCE_COUNTS_MAX } from '../../../../shared/attachment-api.js';
import { ApiError, call, errorMessage } from '../../api.js';
import { formatCount } from '../../format.js';
import { queryInput, recordLabel, type LedgerRecord, type LedgerView } from '../../records.js';
import type { RawValue } from '../fieldInputs.js';
import { GRID_LOCALE, GRID_THEME } from './gridSetup.js';
import { gridColumns, type ColumnActions } from './gridColumns.js';
import {
  cellKey,
  emptyEntry,
  isDraft,
  newDraft,
  type DraftRow,
  type GridRow,
  type RecordRow,
  type RefusedCell,
} from './gridRows.js';
import { parseBlock, pastedCellCount } from './pasteBlock.js';
import type { Edit } from './useEditHistory.js';
import { useConfirmNewChoices } from '../useConfirmNewChoices.js';
import { onEvidenceChange } from '../evidence/evidenceTransfer.js';

/** Rows fetched per request: a screen is ~20, so one block serves several screens of scrolling. */
const BLOCK = 100;
/**
 * No wait before asking for a block: a new search or filter must not idle. A drag of the scroll bar
 * still asks for few blocks, as the grid keeps at most two requests under way.
 */
const BLOCK_DEBOUNCE_MS = 0;
/** Rows drawn beyond the visible ones: enough for a smooth wheel scroll, few enough to draw fast. */
const ROW_BUFFER = 5;
/** Above this many changed cells a paste over existing rows asks first. */
const PASTE_CONFIRM_CELLS = 20;

// Passed once: a fresh object on every render would make the grid apply it again.
const DEFAULT_COLUMN = { resizable: true, sortable: true, suppressHeaderMenuButton: true } as const;
const ROW_SELECTION = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: false,
  enableClickSelection: false,
} as const;
const SELECTION_COLUMN = { pinned: 'left', width: 44, resizable: false, lockPinned: true } as const;

const rowIdOf = (p: GetRowIdParams<GridRow>) => (isDraft(p.data) ? p.data.draftId : String(p.data.id));
const rowClassOf = (p: { data?: GridRow }) => (isDraft(p.data) ? `draft-row draft-${p.data.kind}` : undefined);

export interface LedgerGridHandle {
  /** Reads the rows again where they are (after a write made elsewhere: the form, a bulk edit). */
  reload(): void;
  /** Asks for the rows of a view at once, ahead of the redraw that follows its change. */
  show(view: LedgerView, blocked: boolean): void;
  selectedIds(): number[];
  focusFirstCell(): void;
}

interface Props {
  definition: LedgerDefinition;
  view: LedgerView;
  /** The view cannot be shown (a period that does not parse): no rows rather than stale ones. */
  blocked: boolean;
  actions: Pick<ColumnActions, 'onEdit' | 'onHistory' | 'onDelete'>;
  onSortChange(sort: LedgerView['sort']): void;
  /** The first block of the view arrived, with the number of records the view holds. */
  onCounted(view: LedgerView, total: number): void;
  onSelectionChange(count: number): void;
  /** A write the grid made: for undo and for the totals. */
  onEdited(edit: Edit): void;
  /** Ctrl+Z / Ctrl+Y pressed in the grid. */
  onHistoryStep(direction: 'undo' | 'redo'): void;
}

function rawOf(value: unknown): RawValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  return text.trim() === '' ? null : text;
}

/**
 * 待修正 rows outlive a visit to another page: they are kept for the browser tab's session until
 * fixed (and saved) or given up with 放弃此行.
 */
const pendingKey = (ledger: string) => `taizhang.pending.${ledger}`;

function loadPending(ledger: string): DraftRow[] {
  try {
    const kept = JSON.parse(sessionStorage.getItem(pendingKey(ledger)) ?? '[]') as DraftRow[];
    return kept.map((row) => ({ ...newDraft('pending', row.values), errors: row.errors }));
  } catch {
    return [];
  }
}

function savePending(ledger: string, rows: DraftRow[]): void {
  if (rows.length) sessionStorage.setItem(pendingKey(ledger), JSON.stringify(rows));
  else sessionStorage.removeItem(pendingKey(ledger));
}

async function withEvidence(def: LedgerDefinition, rows: LedgerRecord[]): Promise<RecordRow[]> {
  if (!def.fields.some((f) => f.type === 'attachments') || rows.length === 0) return rows;
  const counts = new Map<number, Record<string, number>>();
  for (let i = 0; i < rows.length; i += EVIDENCE_COUNTS_MAX) {
    const ids = rows.slice(i, i + EVIDENCE_COUNTS_MAX).map((r) => r.id);
    // The count is a convenience: a failure leaves the cells empty, the files are in the form.
    const answer = await call('attachments.counts', { recordIds: ids }).catch(() => []);
    for (const c of answer) counts.set(c.recordId, { ...counts.get(c.recordId), [c.field]: c.count });
  }
  return rows.map((r) => ({ ...r, evidence: counts.get(r.id) ?? {} }));
}

/**
 * A ledger's records as one editable grid over the current view: rows are fetched in blocks as
 * they scroll into sight, cells are edited in place and checked with the same validation as the
 * form (a refused value stays in its cell, marked, and is never saved), blocks copied from Excel
 * are pasted through the store, and rows the store refused wait under the records to be fixed.
 */
export const LedgerGrid = forwardRef<LedgerGridHandle, Props>(function LedgerGrid(
  { definition, view, blocked, actions, onSortChange, onCounted, onSelectionChange, onEdited, onHistoryStep },
  ref,
) {
  const { modal } = App.useApp();
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const refused = useRef(new Map<string, RefusedCell>()).current;
  const [pending, setPending] = useState<DraftRow[]>(() => loadPending(definition.key));
  const [entry, setEntry] = useState<DraftRow>(() => emptyEntry(definition));
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const fieldOf = useCallback((key: string) => definition.fields.find((f) => f.key === key), [definition]);

  useEffect(() => savePending(definition.key, pending), [definition.key, pending]);

  // A new array would make the grid rebuild these rows and end an edit under way in one of them.
  const pinnedRows = useMemo(() => [...pending, entry], [pending, entry]);

  const reload = useCallback(() => apiRef.current?.refreshInfiniteCache(), []);

  // Files added or removed in the record form change the counts shown in the grid.
  useEffect(() => onEvidenceChange(reload), [reload]);

  const confirmNewChoices = useConfirmNewChoices(definition);

  /** Redraws some cells of a row on the grid's next turn, after the edit that caused it has ended. */
  const redrawLater = (node: IRowNode<GridRow>, columns: string[]) => {
    if (columns.length) setTimeout(() => apiRef.current?.refreshCells({ rowNodes: [node], columns, force: true }), 0);
  };

  const refusedFieldsOf = (id: number) =>
    [...refused.keys()].filter((key) => key.startsWith(`${id}:`)).map((key) => key.slice(key.indexOf(':') + 1));

  const clearRefused = (id: number) => {
    for (const field of refusedFieldsOf(id)) refused.delete(cellKey(id, field));
  };

  const refuse = (id: number, errors: { field: string; message: string }[], values: Record<string, RawValue>) => {
    for (const e of errors) refused.set(cellKey(id, e.field), { raw: values[e.field] ?? null, message: e.message });
    const first = errors[0];
    if (first)
      setNote({ text: `${fieldOf(first.field)?.label ?? first.field}：${first.message}（未保存）`, error: true });
  };

  /**
   * A value typed or pasted into a stored record's cell: checked at once and shown in its cell, a
   * refused one marked there and never sent; an accepted one saved in the background (and taken
   * back if the store refuses it or a new choice is declined).
   */
  const editRecord = (node: IRowNode<GridRow>, row: RecordRow, field: FieldDefinition, raw: RawValue): boolean => {
    const wasRefused = refusedFieldsOf(row.id);
    const values: Record<string, RawValue> = { ...row.values };
    for (const key of wasRefused) values[key] = refused.get(cellKey(row.id, key))!.raw;
    values[field.key] = raw;
    const checked = validateRecord(definition, values);
    clearRefused(row.id);
    if (!checked.ok) {
      refuse(row.id, checked.errors, values);
      redrawLater(
        node,
        [...wasRefused, ...checked.errors.map((e) => e.field)].filter((k) => k !== field.key),
      );
      return true;
    }
    redrawLater(
      node,
      wasRefused.filter((k) => k !== field.key),
    );
    const before = row.values;
    row.values = checked.values;
    // After the key that ended the edit has done its work (Enter moves down), or a dialog asking
    // about a new choice would open under it and lose the focus at once.
    setTimeout(() => void saveRecord(node, row, field, before), 0);
    return true;
  };

  const saveRecord = async (
    node: IRowNode<GridRow>,
    row: RecordRow,
    field: FieldDefinition,
    before: RecordRow['values'],
  ) => {
    const typed = row.values;
    if (!(await confirmNewChoices(typed, before))) {
      row.values = before;
      redrawLater(node, [field.key]);
      setNote({ text: `${field.label}：没有添加新选项，单元格未修改`, error: false });
      return;
    }
    try {
      const saved = await call('records.update', { id: row.id, values: typed });
      Object.assign(row, saved);
      onEdited({ kind: 'update', id: row.id, label: recordLabel(definition, saved), before, after: saved.values });
      setNote({ text: `已保存：${recordLabel(definition, saved)} 的${field.label}`, error: false });
    } catch (error) {
      row.values = before;
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      if (fieldErrors.length) refuse(row.id, fieldErrors, typed);
      else setNote({ text: `保存失败：${errorMessage(error)}`, error: true });
      redrawLater(node, [field.key, ...fieldErrors.map((e) => e.field)]);
    }
  };

  /**
   * Marks what is wrong in a draft row: every cell of a 待修正 row, or (`all`) of the quick-entry
   * row when it is to be saved; otherwise only the cells typed in so far.
   */
  const markDraft = (draft: DraftRow, all: boolean) => {
    const checked = validateRecord(definition, draft.values);
    if (all) draft.touched = definition.fields.map((f) => f.key);
    draft.errors = Object.fromEntries(
      checked.errors
        .filter((e) => draft.kind === 'pending' || all || draft.touched.includes(e.field))
        .map((e) => [e.field, e.message]),
    );
    return checked;
  };

  const redrawDraft = (draft: DraftRow) => {
    const api = apiRef.current;
    if (!api) return;
    for (let i = 0; i < api.getPinnedBottomRowCount(); i++) {
      const node = api.getPinnedBottomRow(i);
      if (node?.data === draft) api.refreshCells({ rowNodes: [node], force: true });
    }
  };

  /** Saves a draft row as a new record when every cell is right; otherwise marks what is wrong. */
  const saveDraft = async (draft: DraftRow): Promise<boolean> => {
    const checked = markDraft(draft, true);
    // The row object is kept and redrawn: new pinned rows would end an edit under way in it.
    redrawDraft(draft);
    if (!checked.ok) {
      const first = checked.errors[0]!;
      setNote({ text: `${first.label}：${first.message}`, error: true });
      return false;
    }
    if (!(await confirmNewChoices(checked.values))) {
      setNote({ text: '没有添加新选项，这一行未保存', error: false });
      return false;
    }
    try {
      const created = await call('records.create', { ledger: definition.key, values: checked.values });
      if (draft.kind === 'entry') setEntry(emptyEntry(definition));
      else setPending((rows) => rows.filter((r) => r.draftId !== draft.draftId));
      onEdited({
        kind: 'create',
        id: created.id,
        label: recordLabel(definition, created),
        ledger: definition.key,
        values: created.values,
        recordDate: created.recordDate,
      });
      setNote({ text: `已新增：${recordLabel(definition, created)}`, error: false });
      reload();
      return true;
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      draft.errors = Object.fromEntries(fieldErrors.map((e) => [e.field, e.message]));
      redrawDraft(draft);
      setNote({ text: `保存失败：${errorMessage(error)}`, error: true });
      return false;
    }
  };

  /**
   * A value typed into a draft row's cell. The grid shows it itself (no redraw of the row, which
   * would drop what is being typed in the next cell after Tab); a 待修正 row that is now right is
   * saved, the quick-entry row waits for 保存 or Ctrl+Enter.
   */
  const editDraft = (draft: DraftRow, field: FieldDefinition, raw: RawValue): boolean => {
    draft.values = { ...draft.values, [field.key]: raw };
    draft.touched = [...new Set([...draft.touched, field.key])];
    const checked = markDraft(draft, false);
    const error = draft.errors[field.key];
    if (error) setNote({ text: `${field.label}：${error}`, error: true });
    if (draft.kind === 'pending' && checked.ok) setTimeout(() => void saveDraft(draft), 0);
    return true;
  };

  /** The grid hands every typed or pasted cell value here (its valueSetter). */
  const setCellValue = (node: IRowNode<GridRow>, row: GridRow, key: string, newValue: unknown): boolean => {
    const field = fieldOf(key);
    if (!field) return false;
    const raw = rawOf(newValue);
    return isDraft(row) ? editDraft(row, field, raw) : editRecord(node, row, field, raw);
  };

  const columnActions: ColumnActions = {
    ...actions,
    onSaveDraft: (row) => void saveDraft(row),
    onCellValue: setCellValue,
    onDiscardDraft: (draftId) => setPending((rows) => rows.filter((r) => r.draftId !== draftId)),
  };
  const actionsRef = useRef(columnActions);
  actionsRef.current = columnActions;
  const columnDefs = useMemo(
    () =>
      gridColumns(
        definition,
        refused,
        {
          onEdit: (r) => actionsRef.current.onEdit(r),
          onHistory: (r) => actionsRef.current.onHistory(r),
          onDelete: (r) => actionsRef.current.onDelete(r),
          onSaveDraft: (row) => actionsRef.current.onSaveDraft(row),
          onDiscardDraft: (id) => actionsRef.current.onDiscardDraft(id),
          onCellValue: (node, row, key, value) => actionsRef.current.onCellValue(node, row, key, value),
        },
        (key) => filtered.current.has(key),
      ),
    [definition, refused],
  );

  // Headers of filtered columns say so; the set is read when the grid redraws its header.
  const filtered = useRef(new Set<string>());
  useEffect(() => {
    filtered.current = new Set([
      ...Object.entries(view.choices)
        .filter(([, v]) => v.length)
        .map(([k]) => k),
      ...Object.entries(view.ranges)
        .filter(([, r]) => r.from || r.to)
        .map(([k]) => k),
    ]);
    apiRef.current?.refreshHeader();
  }, [view.choices, view.ranges]);

  const onCountedRef = useRef(onCounted);
  onCountedRef.current = onCounted;
  const datasourceFor = useCallback(
    (shown: LedgerView, isBlocked: boolean): IDatasource => ({
      getRows: (params) => {
        if (isBlocked) {
          params.successCallback([], 0);
          onCountedRef.current(shown, 0);
          return;
        }
        call('records.query', queryInput(definition, shown, params.startRow, params.endRow))
          .then(async (answer) => {
            params.successCallback(await withEvidence(definition, answer.rows), answer.total);
            if (params.startRow === 0) onCountedRef.current(shown, answer.total);
            if (answer.total === 0) apiRef.current?.showNoRowsOverlay();
            else apiRef.current?.hideOverlay();
          })
          .catch((error: unknown) => {
            params.failCallback();
            setNote({ text: `读取记录失败：${errorMessage(error)}`, error: true });
          });
      },
    }),
    [definition],
  );

  // The rows of a view are asked for as soon as the view changes, from the event that changed it
  // (show), not after React has redrawn the page; the effect covers views set any other way.
  const shownKey = useRef<string>(undefined);
  const show = useCallback(
    (next: LedgerView, isBlocked: boolean) => {
      const key = JSON.stringify([next, isBlocked]);
      if (key === shownKey.current || !apiRef.current) return;
      shownKey.current = key;
      apiRef.current.setGridOption('datasource', datasourceFor(next, isBlocked));
    },
    [datasourceFor],
  );
  const latest = useRef({ view, blocked });
  latest.current = { view, blocked };
  useEffect(() => show(view, blocked), [view, blocked, show]);

  useImperativeHandle(
    ref,
    () => ({
      reload,
      show,
      selectedIds: () => (apiRef.current?.getSelectedRows() ?? []).flatMap((row) => (isDraft(row) ? [] : [row.id])),
      focusFirstCell: () => {
        const first = definition.fields[0];
        if (first) apiRef.current?.setFocusedCell(0, first.key);
      },
    }),
    [reload, show, definition],
  );

  // The header shows the view's sort, including one that came with a link.
  useEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    api.applyColumnState({
      state: view.sort ? [{ colId: view.sort.field, sort: view.sort.direction }] : [],
      defaultState: { sort: null },
    });
  }, [view.sort]);

  const onSortChanged = (event: SortChangedEvent<GridRow>) => {
    if (event.source === 'api' || event.source === 'gridOptionsUpdated') return;
    const sorted = event.api.getColumnState().find((c) => c.sort);
    onSortChange(sorted ? { field: sorted.colId, direction: sorted.sort === 'desc' ? 'desc' : 'asc' } : undefined);
  };

  const onCellFocused = (event: CellFocusedEvent<GridRow>) => {
    if (event.rowIndex === null || !event.column || typeof event.column === 'string') return;
    const node =
      event.rowPinned === 'bottom'
        ? event.api.getPinnedBottomRow(event.rowIndex)
        : event.api.getDisplayedRowAtIndex(event.rowIndex);
    const row = node?.data;
    const key = event.column.getColId();
    const error = row ? (isDraft(row) ? row.errors[key] : refused.get(cellKey(row.id, key))?.message) : undefined;
    if (error) setNote({ text: `${fieldOf(key)?.label ?? key}：${error}`, error: true });
  };

  const paste = async (text: string) => {
    const api = apiRef.current;
    if (!api) return;
    const focused = api.getFocusedCell();
    const focusedKey = focused?.column.getColId();
    const startField = focusedKey && fieldOf(focusedKey) ? focusedKey : definition.fields[0]!.key;
    const rows = parseBlock(text);
    if (rows.length === 0) return;
    let targetIds: (number | null)[] | undefined;
    if (focused && !focused.rowPinned && focused.rowIndex >= 0) {
      const cells = pastedCellCount(definition, rows);
      if (cells > PASTE_CONFIRM_CELLS) {
        const go = await new Promise<boolean>((resolve) =>
          modal.confirm({
            title: `粘贴会修改 ${formatCount(cells)} 个单元格，继续吗？`,
            content: `从第 ${formatCount(focused.rowIndex + 1)} 行起，已有记录的内容会被粘贴的内容替换。每处修改都会记入修改记录，可用 Ctrl+Z 撤销。`,
            okText: '粘贴',
            cancelText: '取消',
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          }),
        );
        if (!go) return;
      }
      targetIds = rows.map((_, i) => {
        const row = api.getDisplayedRowAtIndex(focused.rowIndex + i)?.data;
        return row && !isDraft(row) ? row.id : null;
      });
    }
    setNote({ text: `正在粘贴 ${formatCount(rows.length)} 行…`, error: false });
    try {
      const answer = await call('records.paste', {
        ledger: definition.key,
        text,
        startField,
        header: 'auto',
        ...(targetIds ? { targetIds } : {}),
        ...(view.unitId !== undefined ? { unitId: view.unitId } : {}),
      });
      const fresh: DraftRow[] = [];
      for (const p of answer.pending) {
        if (p.targetId === null) {
          fresh.push({
            ...newDraft('pending', p.values),
            errors: Object.fromEntries(p.errors.map((e) => [e.field, e.message])),
          });
        } else {
          for (const e of p.errors) {
            refused.set(cellKey(p.targetId, e.field), { raw: p.values[e.field] ?? null, message: e.message });
          }
        }
      }
      setPending((old) => [...old, ...fresh]);
      if (answer.batch !== null) {
        const batch = answer.batch;
        onEdited({
          kind: 'batch',
          batch,
          label: '粘贴',
          redo: async () =>
            (
              await call('records.paste', {
                ledger: definition.key,
                text,
                startField,
                header: 'auto',
                ...(targetIds ? { targetIds } : {}),
              })
            ).batch,
        });
      }
      const parts = [
        answer.created.length ? `新增 ${formatCount(answer.created.length)} 条` : '',
        answer.updated.length ? `修改 ${formatCount(answer.updated.length)} 条` : '',
        answer.pending.length ? `${formatCount(answer.pending.length)} 行待修正（标红的单元格，改正后自动保存）` : '',
      ].filter(Boolean);
      setNote({ text: `已粘贴：${parts.join('，') || '没有可保存的内容'}`, error: answer.pending.length > 0 });
      reload();
      api.refreshCells({ force: true });
    } catch (error) {
      setNote({ text: `粘贴失败：${errorMessage(error)}`, error: true });
    }
  };

  const onPaste = (event: ReactClipboardEvent<HTMLDivElement>) => {
    // Inside a cell being edited the text goes into the cell as usual.
    if (apiRef.current?.getEditingCells().length) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text.trim()) return;
    event.preventDefault();
    void paste(text);
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const api = apiRef.current;
    if (!api) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const focused = api.getFocusedCell();
    // Ctrl+Enter in the quick-entry row saves it, also from inside the cell being typed in.
    if (ctrl && event.key === 'Enter' && focused?.rowPinned === 'bottom') {
      event.preventDefault();
      api.stopEditing();
      const row = api.getPinnedBottomRow(focused.rowIndex)?.data;
      // The cell being typed in reaches the row on the grid's next turn; save after it.
      if (isDraft(row)) setTimeout(() => void saveDraft(row), 0);
      return;
    }
    // Inside a cell being edited, the keys are the editor's (Ctrl+Z undoes typing there).
    if (api.getEditingCells().length) return;
    const key = event.key.toLowerCase();
    if (ctrl && (key === 'z' || key === 'y')) {
      event.preventDefault();
      onHistoryStep(key === 'z' && !event.shiftKey ? 'undo' : 'redo');
      return;
    }
    if (focused && event.shiftKey && event.key === 'Enter' && !focused.rowPinned) {
      const row = api.getDisplayedRowAtIndex(focused.rowIndex)?.data;
      if (row && !isDraft(row)) {
        event.preventDefault();
        actions.onEdit(row);
      }
    }
  };

  const onGridReady = useCallback(
    (event: GridReadyEvent<GridRow>) => {
      apiRef.current = event.api;
      const { view: initial, blocked: initiallyBlocked } = latest.current;
      if (initial.sort) {
        event.api.applyColumnState({ state: [{ colId: initial.sort.field, sort: initial.sort.direction }] });
      }
      show(initial, initiallyBlocked);
    },
    [show],
  );

  // The grid gets the same handler functions on every render (a new one would be registered anew,
  // and an event fired meanwhile lost); each calls the latest closure.
  const latestHandlers = useRef({ onSortChanged, onCellFocused, onSelectionChange });
  latestHandlers.current = { onSortChanged, onCellFocused, onSelectionChange };
  const events = useMemo(
    () => ({
      onSortChanged: (e: SortChangedEvent<GridRow>) => latestHandlers.current.onSortChanged(e),
      onCellFocused: (e: CellFocusedEvent<GridRow>) => latestHandlers.current.onCellFocused(e),
      onSelectionChanged: (e: { api: GridApi<GridRow> }) =>
        latestHandlers.current.onSelectionChange(e.api.getSelectedNodes().length),
    }),
    [],
  );

  return (
    <div className="records-grid" onPaste={onPaste} onKeyDown={onKeyDown}>
      <div className="records-grid-body">
        <AgGridReact<GridRow>
          theme={GRID_THEME}
          localeText={GRID_LOCALE}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COLUMN}
          rowModelType="infinite"
          cacheBlockSize={BLOCK}
          maxBlocksInCache={40}
          infiniteInitialRowCount={1}
          blockLoadDebounceMillis={BLOCK_DEBOUNCE_MS}
          getRowId={rowIdOf}
          pinnedBottomRowData={pinnedRows}
          getRowClass={rowClassOf}
          rowSelection={ROW_SELECTION}
          selectionColumnDef={SELECTION_COLUMN}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          tooltipShowDelay={200}
          suppressColumnVirtualisation
          animateRows={false}
          rowBuffer={ROW_BUFFER}
          onGridReady={onGridReady}
          onSortChanged={events.onSortChanged}
          onCellFocused={events.onCellFocused}
          onSelectionChanged={events.onSelectionChanged}
        />
      </div>
      <div className={`grid-note${note?.error ? ' grid-note-error' : ''}`} role={note?.error ? 'alert' : 'status'}>
        {note?.text ??
          '直接输入或按 F2 修改单元格，回车确认并下移，Tab 右移，Esc 放弃；Shift+回车打开表单；Ctrl+V 粘贴 Excel 的行；最下面一行录入新记录，Ctrl+回车保存；Ctrl+Z 撤销，Ctrl+Y 重做'}
      </div>
    </div>
  );
});
