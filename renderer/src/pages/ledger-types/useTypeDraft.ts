import { useCallback, useMemo, useState } from 'react';
import { blankField, type EditorDraft, type EditorField } from './typeDraft.js';

/** A saved field taken out of the list; it is archived (with its values) only when the type is saved. */
export interface RemovedField {
  field: EditorField;
  /** Where it stood, so 撤销 puts it back in place. */
  index: number;
}

interface State {
  draft: EditorDraft;
  removed: RemovedField[];
}

export interface TypeDraftEditor {
  draft: EditorDraft;
  removed: RemovedField[];
  setBasics(change: Partial<Omit<EditorDraft, 'fields'>>): void;
  updateField(id: string, change: (field: EditorField) => EditorField): void;
  moveField(id: string, by: -1 | 1): void;
  addField(): void;
  removeField(id: string): void;
  undoRemove(id: string): void;
  /** Starts over from another draft (a new proposal, or the type as just saved). */
  reset(draft: EditorDraft): void;
  /** Adds a field at the end, e.g. one just restored from the archive. */
  append(field: EditorField): void;
}

/** The type editor's working copy: basics, the field list, and saved fields removed from it. */
export function useTypeDraft(initial: () => EditorDraft): TypeDraftEditor {
  const [state, setState] = useState<State>(() => ({ draft: initial(), removed: [] }));
  const setFields = useCallback(
    (change: (fields: EditorField[]) => EditorField[]) =>
      setState((s) => ({ ...s, draft: { ...s.draft, fields: change(s.draft.fields) } })),
    [],
  );

  const setBasics = useCallback(
    (change: Partial<Omit<EditorDraft, 'fields'>>) => setState((s) => ({ ...s, draft: { ...s.draft, ...change } })),
    [],
  );
  const updateField = useCallback(
    (id: string, change: (field: EditorField) => EditorField) =>
      setFields((fields) => fields.map((f) => (f.id === id ? change(f) : f))),
    [setFields],
  );
  const moveField = useCallback(
    (id: string, by: -1 | 1) =>
      setFields((fields) => {
        const from = fields.findIndex((f) => f.id === id);
        const to = from + by;
        if (from < 0 || to < 0 || to >= fields.length) return fields;
        const next = [...fields];
        [next[from], next[to]] = [next[to]!, next[from]!];
        return next;
      }),
    [setFields],
  );
  const addField = useCallback(() => setFields((fields) => [...fields, blankField()]), [setFields]);
  const removeField = useCallback(
    (id: string) =>
      setState((s) => {
        const index = s.draft.fields.findIndex((f) => f.id === id);
        const field = s.draft.fields[index];
        if (!field) return s;
        const fields = s.draft.fields.filter((f) => f.id !== id);
        const removed = field.key ? [...s.removed, { field, index }] : s.removed;
        return { draft: { ...s.draft, fields }, removed };
      }),
    [],
  );
  const undoRemove = useCallback(
    (id: string) =>
      setState((s) => {
        const entry = s.removed.find((r) => r.field.id === id);
        if (!entry) return s;
        const fields = [...s.draft.fields];
        fields.splice(Math.min(entry.index, fields.length), 0, entry.field);
        return { draft: { ...s.draft, fields }, removed: s.removed.filter((r) => r !== entry) };
      }),
    [],
  );
  const reset = useCallback((draft: EditorDraft) => setState({ draft, removed: [] }), []);
  const append = useCallback((field: EditorField) => setFields((fields) => [...fields, field]), [setFields]);

  return useMemo(
    () => ({ ...state, setBasics, updateField, moveField, addField, removeField, undoRemove, reset, append }),
    [state, setBasics, updateField, moveField, addField, removeField, undoRemove, reset, append],
  );
}
