import { useCallback, useRef, useState } from 'react';
import { call } from '../../api.js';
import type { LedgerRecord } from '../../records.js';

type Values = LedgerRecord['values'];

/** One write of this session, with what undoing and redoing it take (each an audited write). */
export type Edit =
  | { kind: 'update'; id: number; label: string; before: Values; after: Values }
  | { kind: 'create'; id: number; label: string; ledger: string; values: Values; recordDate: string }
  | { kind: 'delete'; id: number; label: string; ledger: string; values: Values; recordDate: string }
  | { kind: 'batch'; batch: number; label: string; redo(): Promise<number | null> };

const LIMIT = 200;

async function undoOne(edit: Edit): Promise<Edit> {
  switch (edit.kind) {
    case 'update':
      await call('records.update', { id: edit.id, values: edit.before });
      return edit;
    case 'create':
      await call('records.delete', { id: edit.id });
      return edit;
    case 'delete': {
      const back = await call('records.create', {
        ledger: edit.ledger,
        values: edit.values,
        recordDate: edit.recordDate,
      });
      return { ...edit, id: back.id };
    }
    case 'batch':
      await call('records.revert', { batch: edit.batch });
      return edit;
  }
}

async function redoOne(edit: Edit): Promise<Edit> {
  switch (edit.kind) {
    case 'update':
      await call('records.update', { id: edit.id, values: edit.after });
      return edit;
    case 'create': {
      const again = await call('records.create', {
        ledger: edit.ledger,
        values: edit.values,
        recordDate: edit.recordDate,
      });
      return { ...edit, id: again.id };
    }
    case 'delete':
      await call('records.delete', { id: edit.id });
      return edit;
    case 'batch': {
      const batch = await edit.redo();
      return batch === null ? edit : { ...edit, batch };
    }
  }
}

/**
 * Ctrl+Z / Ctrl+Y over this session's edits of one ledger: every undo and redo is itself a write
 * through the API, so it is checked, refused in a submitted period, and audited like any other.
 */
export function useEditHistory(afterChange: () => void) {
  const undoStack = useRef<Edit[]>([]);
  const redoStack = useRef<Edit[]>([]);
  const [sizes, setSizes] = useState({ undo: 0, redo: 0 });
  const busy = useRef(false);
  const sync = () => setSizes({ undo: undoStack.current.length, redo: redoStack.current.length });

  const record = useCallback((edit: Edit) => {
    undoStack.current = [...undoStack.current.slice(-(LIMIT - 1)), edit];
    redoStack.current = [];
    sync();
  }, []);

  /** Undoes (or redoes) the latest edit; resolves to what was done, or null when there was nothing. */
  const step = useCallback(
    async (direction: 'undo' | 'redo'): Promise<Edit | null> => {
      if (busy.current) return null;
      const from = direction === 'undo' ? undoStack : redoStack;
      const to = direction === 'undo' ? redoStack : undoStack;
      const edit = from.current.at(-1);
      if (!edit) return null;
      busy.current = true;
      try {
        const done = direction === 'undo' ? await undoOne(edit) : await redoOne(edit);
        from.current = from.current.slice(0, -1);
        to.current = [...to.current, done];
        return done;
      } finally {
        busy.current = false;
        sync();
        afterChange();
      }
    },
    [afterChange],
  );

  return { record, step, canUndo: sizes.undo > 0, canRedo: sizes.redo > 0 };
}
