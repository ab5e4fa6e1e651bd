import type { Dispatch, SetStateAction } from 'react';
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { validateRecord } from '../../../../shared/validation.js';
import { ApiError, call, errorMessage } from '../../api.js';
import { recordLabel } from '../../records.js';
import type { RawValue } from '../fieldInputs.js';
import {
  cellKey,
  emptyEntry,
  isDraft,
  type DraftRow,
  type GridRow,
  type RecordRow,
  type RefusedCell,
} from './gridRows.js';
import type { Edit } from './useEditHistory.js';
import type { useConfirmNewChoices } from '../useConfirmNewChoices.js';

export type GridNote = { text: string; error: boolean } | null;

export interface CellEditContext {
  api(): GridApi<GridRow> | null;
  definition: LedgerDefinition;
  /** Record cells holding a refused value, by cellKey. */
  refused: Map<string, RefusedCell>;
  /** Asks before a value adds a choice to the ledger; false when declined. */
  confirmNewChoices: ReturnType<typeof useConfirmNewChoices>;
  setNote(note: GridNote): void;
  setEntry: Dispatch<SetStateAction<DraftRow>>;
  setPending: Dispatch<SetStateAction<DraftRow[]>>;
  onEdited(edit: Edit): void;
  reload(): void;
}

function rawOf(value: unknown): RawValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  return text.trim() === '' ? null : text;
}

/**
 * What a value typed or pasted into a cell does: checked at once with the same validation as the
 * form; in a stored record's cell, a refused value stays in its cell, marked, and is never saved,
 * an accepted one is saved in the background; in a draft row (待修正 or the quick-entry row) it is
 * kept until the row is right and saved as a new record.
 */
export function cellEdits(ctx: CellEditContext) {
  const { definition, refused, setNote } = ctx;
  const fieldOf = (key: string) => definition.fields.find((f) => f.key === key);

  /** Redraws some cells of a row on the grid's next turn, after the edit that caused it has ended. */
  const redrawLater = (node: IRowNode<GridRow>, columns: string[]) => {
    if (columns.length) setTimeout(() => ctx.api()?.refreshCells({ rowNodes: [node], columns, force: true }), 0);
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

  const saveRecord = async (
    node: IRowNode<GridRow>,
    row: RecordRow,
    field: FieldDefinition,
    before: RecordRow['values'],
  ) => {
    const typed = row.values;
    if (!(await ctx.confirmNewChoices(typed, before))) {
      row.values = before;
      redrawLater(node, [field.key]);
      setNote({ text: `${field.label}：没有添加新选项，单元格未修改`, error: false });
      return;
    }
    try {
      const saved = await call('records.update', { id: row.id, values: typed });
      Object.assign(row, saved);
      ctx.onEdited({ kind: 'update', id: row.id, label: recordLabel(definition, saved), before, after: saved.values });
      setNote({ text: `已保存：${recordLabel(definition, saved)} 的${field.label}`, error: false });
    } catch (error) {
      row.values = before;
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      if (fieldErrors.length) refuse(row.id, fieldErrors, typed);
      else setNote({ text: `保存失败：${errorMessage(error)}`, error: true });
      redrawLater(node, [field.key, ...fieldErrors.map((e) => e.field)]);
    }
  };

  /** A value for a stored record's cell; an accepted one is saved (and taken back if refused). */
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
    const api = ctx.api();
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
    if (!(await ctx.confirmNewChoices(checked.values))) {
      setNote({ text: '没有添加新选项，这一行未保存', error: false });
      return false;
    }
    try {
      const created = await call('records.create', { ledger: definition.key, values: checked.values });
      if (draft.kind === 'entry') ctx.setEntry(emptyEntry(definition));
      else ctx.setPending((rows) => rows.filter((r) => r.draftId !== draft.draftId));
      ctx.onEdited({
        kind: 'create',
        id: created.id,
        label: recordLabel(definition, created),
        ledger: definition.key,
        values: created.values,
        recordDate: created.recordDate,
      });
      setNote({ text: `已新增：${recordLabel(definition, created)}`, error: false });
      ctx.reload();
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

  return { setCellValue, saveDraft };
}
