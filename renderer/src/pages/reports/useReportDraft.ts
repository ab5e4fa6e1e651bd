import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiInput, ApiOutput } from '../../../../shared/api.js';
import type { ReportContent } from '../../../../shared/report-draft.js';
import { parsePeriod } from '../../../../shared/period.js';
import { useApi } from '../../hooks/useApi.js';
import { call, errorMessage } from '../../api.js';

export type DraftRef = ApiInput<'reports.draft'>;
export type DraftView = ApiOutput<'reports.draft'>;
type SavedDraft = ApiOutput<'reports.saveDraft'>;

/**
 * Saved this long after the last edit: late enough not to save every key, soon enough that the
 * save (the text alone, a few milliseconds on any ledger) is done within 2 s.
 */
const AUTOSAVE_MS = 800;

/** Which draft: type, period, unit and activity, as one string. */
function keyOf(type: string, period: string | undefined, unitId: number | undefined, activityId: number | null) {
  return JSON.stringify([type, period, unitId, activityId]);
}

const draftKey = (draft: DraftView) => keyOf(draft.type, draft.period.code, draft.unitId, draft.activityId);
const refKey = (ref: DraftRef) => keyOf(ref.type, parsePeriod(ref.period)?.code, ref.unitId, ref.activityId ?? null);

interface Held {
  key: string;
  ref: DraftRef;
  content: ReportContent;
  dirty: boolean;
}

export type SaveState =
  { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/**
 * The draft for a report type, period and unit, opened (created the first time) from the ledgers,
 * with the user's edits held here and saved shortly after the last one, when another draft is
 * opened, and when the page closes. `refresh` counts the ledgers again and keeps the edits.
 */
export function useReportDraft(ref: DraftRef | null) {
  const loaded = useApi('reports.draft', ref);
  const [held, setHeld] = useState<Held>();
  const heldNow = useRef<Held | undefined>(undefined);
  heldNow.current = held;
  /** Saves run one after another, so an older text never lands after a newer one. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [running, setRunning] = useState(0);
  const [failure, setFailure] = useState<string>();
  /** Goes up each time the figures are counted again, so the preview is redrawn even when the text is not. */
  const [stamp, setStamp] = useState(0);

  // Until the draft asked for arrives, the previous one is not shown under the new type or period.
  const draft = loaded.data && ref && draftKey(loaded.data) === refKey(ref) ? loaded.data : undefined;

  /** Clean again, unless the user typed on while it was being saved. */
  const settle = (target: Held) => {
    setFailure(undefined);
    setHeld((prev) => (prev?.key === target.key && prev.content === target.content ? { ...prev, dirty: false } : prev));
  };

  const persist = useCallback((target: Held): Promise<SavedDraft> => {
    setRunning((n) => n + 1);
    const saving = queue.current.then(async () => {
      try {
        const saved = await call('reports.saveDraft', { ...target.ref, content: target.content });
        settle(target);
        return saved;
      } catch (error) {
        setFailure(errorMessage(error));
        throw error;
      } finally {
        setRunning((n) => n - 1);
      }
    });
    queue.current = saving.catch(() => undefined);
    return saving;
  }, []);

  useEffect(() => {
    if (!draft || !ref) return;
    const key = draftKey(draft);
    setStamp((s) => s + 1);
    const prev = heldNow.current;
    // Another draft opened with edits to this one still unsaved: they are saved now, not dropped.
    if (prev && prev.key !== key && prev.dirty) void persist(prev).catch(() => undefined);
    // Counted again, the same draft keeps the text held here: it is the user's latest, saved or
    // about to be, and a count that started before a save finished would bring back older text.
    setHeld((p) => (p?.key === key ? p : { key, ref, content: draft.content, dirty: false }));
    // The ref is read with the draft it asked for: a new ref alone changes nothing until its draft arrives.
  }, [draft, persist]);

  // Saved a moment after the last edit; each edit starts the wait again.
  useEffect(() => {
    if (!held?.dirty) return;
    const timer = setTimeout(() => void persist(held).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [held, persist]);

  // Leaving the page saves what is left: the page's own warning has already asked.
  useEffect(
    () => () => {
      const last = heldNow.current;
      if (last?.dirty) void persist(last).catch(() => undefined);
    },
    [persist],
  );

  const edit = useCallback((change: (content: ReportContent) => ReportContent) => {
    setHeld((prev) => prev && { ...prev, content: change(prev.content), dirty: true });
  }, []);

  const content = draft && held?.key === draftKey(draft) ? held.content : undefined;
  const dirty = content !== undefined && held?.dirty === true;

  /** Saves now what the user has typed; resolves once it is written. */
  const save = useCallback(async (): Promise<SavedDraft | undefined> => {
    const now = heldNow.current;
    if (!now) return undefined;
    return persist(now);
  }, [persist]);

  const saveState = useMemo<SaveState>(
    () =>
      running > 0
        ? { kind: 'saving' }
        : failure !== undefined
          ? { kind: 'failed', message: failure }
          : dirty
            ? { kind: 'pending' }
            : { kind: 'saved' },
    [running, failure, dirty],
  );

  return {
    draft,
    content,
    dirty,
    saveState,
    /** Text typed and not yet written, or being written: leaving now would lose it. */
    unsaved: dirty || running > 0,
    stamp,
    edit,
    save,
    /** Counts the figures again from the ledgers as they are now; edits not yet saved stay. */
    refresh: loaded.reload,
    refreshing: loaded.loading && draft !== undefined,
    /** The figures are being counted, for the first time or again. */
    counting: loaded.loading,
    error: loaded.error,
    reload: loaded.reload,
  };
}
