import type { GridApi } from 'ag-grid-community';
import type { App } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { call, errorMessage } from '../../api.js';
import { formatCount } from '../../format.js';
import type { LedgerView } from '../../records.js';
import type { CellEditContext } from './cellEdits.js';
import { cellKey, isDraft, newDraft, type DraftRow, type GridRow } from './gridRows.js';
import { parseBlock, pastedCellCount } from './pasteBlock.js';

/** Above this many changed cells a paste over existing rows asks first. */
const PASTE_CONFIRM_CELLS = 20;

export interface PasteContext extends Pick<
  CellEditContext,
  'refused' | 'setNote' | 'setPending' | 'onEdited' | 'reload'
> {
  api: GridApi<GridRow>;
  definition: LedgerDefinition;
  view: LedgerView;
  confirm: ReturnType<typeof App.useApp>['modal']['confirm'];
}

/**
 * A block copied from Excel or WPS, pasted through the store: from the focused cell over the rows
 * below it (asking first when it changes many cells), or as new records. Rows the store refused
 * wait under the records as 待修正; refused cells of existing records are marked in place. The
 * paste is undone and redone as one.
 */
export async function pasteIntoGrid(text: string, ctx: PasteContext): Promise<void> {
  const { api, definition, view, refused, setNote } = ctx;
  const focused = api.getFocusedCell();
  const focusedKey = focused?.column.getColId();
  const startField =
    focusedKey && definition.fields.some((f) => f.key === focusedKey) ? focusedKey : definition.fields[0]!.key;
  const rows = parseBlock(text);
  if (rows.length === 0) return;
  let targetIds: (number | null)[] | undefined;
  if (focused && !focused.rowPinned && focused.rowIndex >= 0) {
    const cells = pastedCellCount(definition, rows);
    if (cells > PASTE_CONFIRM_CELLS) {
      const go = await new Promise<boolean>((resolve) =>
        ctx.confirm({
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
    ctx.setPending((old) => [...old, ...fresh]);
    if (answer.batch !== null) {
      const batch = answer.batch;
      ctx.onEdited({
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
    ctx.reload();
    api.refreshCells({ force: true });
  } catch (error) {
    setNote({ text: `粘贴失败：${errorMessage(error)}`, error: true });
  }
}
