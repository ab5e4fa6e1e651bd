import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent as ReactClipboardEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellFocusedEvent, GetRowIdParams, GridApi, GridReadyEvent, SortChangedEvent } from 'ag-grid-community';
import { App } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { viewKey, type LedgerView } from '../../records.js';
import { GRID_LOCALE, GRID_THEME } from './gridSetup.js';
import { gridColumns, type ColumnActions } from './gridColumns.js';
import { cellKey, emptyEntry, isDraft, type DraftRow, type GridRow, type RefusedCell } from './gridRows.js';
import type { Edit } from './useEditHistory.js';
import { useConfirmNewChoices } from '../useConfirmNewChoices.js';
import { onEvidenceChange } from '../evidence/evidenceTransfer.js';
import { loadPending, savePending } from './pendingRows.js';
import { recordsDatasource } from './recordsDatasource.js';
import { cellEdits, type GridNote } from './cellEdits.js';
import { pasteIntoGrid } from './gridPaste.js';

/** Rows fetched per request: a screen is ~20, so one block serves several screens of scrolling. */
const BLOCK = 100;
/**
 * No wait before asking for a block: a new search or filter must not idle. A drag of the scroll bar
 * still asks for few blocks, as the grid keeps at most two requests under way.
 */
const BLOCK_DEBOUNCE_MS = 0;
/** Rows drawn beyond the visible ones: enough for a smooth wheel scroll, few enough to draw fast. */
const ROW_BUFFER = 5;

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
  const [note, setNote] = useState<GridNote>(null);
  const fieldOf = useCallback((key: string) => definition.fields.find((f) => f.key === key), [definition]);

  useEffect(() => savePending(definition.key, pending), [definition.key, pending]);

  // A new array would make the grid rebuild these rows and end an edit under way in one of them.
  const pinnedRows = useMemo(() => [...pending, entry], [pending, entry]);

  const reload = useCallback(() => apiRef.current?.refreshInfiniteCache(), []);

  // Files added or removed in the record form change the counts shown in the grid.
  useEffect(() => onEvidenceChange(reload), [reload]);

  const confirmNewChoices = useConfirmNewChoices(definition);

  const { setCellValue, saveDraft } = cellEdits({
    api: () => apiRef.current,
    definition,
    refused,
    confirmNewChoices,
    setNote,
    setEntry,
    setPending,
    onEdited,
    reload,
  });

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
    (shown: LedgerView, isBlocked: boolean) =>
      recordsDatasource(definition, shown, isBlocked, {
        onCounted: (counted, total) => onCountedRef.current(counted, total),
        onEmpty: (empty) => (empty ? apiRef.current?.showNoRowsOverlay() : apiRef.current?.hideOverlay()),
        onFailed: (text) => setNote({ text, error: true }),
      }),
    [definition],
  );

  // The rows of a view are asked for as soon as the view changes, from the event that changed it
  // (show), not after React has redrawn the page; the effect covers views set any other way.
  const shownKey = useRef<string>(undefined);
  const show = useCallback(
    (next: LedgerView, isBlocked: boolean) => {
      const key = `${viewKey(next)} ${isBlocked}`;
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

  const onPaste = (event: ReactClipboardEvent<HTMLDivElement>) => {
    // Inside a cell being edited the text goes into the cell as usual.
    if (apiRef.current?.getEditingCells().length) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text.trim()) return;
    event.preventDefault();
    const api = apiRef.current;
    if (!api) return;
    void pasteIntoGrid(text, {
      api,
      definition,
      view,
      refused,
      setNote,
      setPending,
      onEdited,
      reload,
      confirm: modal.confirm,
    });
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
