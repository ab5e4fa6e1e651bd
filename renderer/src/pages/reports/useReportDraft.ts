import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiOutput } from '../../../../shared/api.js';
import type { ReportContent } from '../../../../shared/report-draft.js';
import { parsePeriod } from '../../../../shared/period.js';
import { useApi } from '../../hooks/useApi.js';
import { call } from '../../api.js';

export type DraftRef = ApiInput<'reports.draft'>;
export type DraftView = ApiOutput<'reports.draft'>;

/** Which draft: type, period, unit and activity, as one string. */
function keyOf(type: string, period: string | undefined, unitId: number | undefined, activityId: number | null) {
  return JSON.stringify([type, period, unitId, activityId]);
}

const draftKey = (draft: DraftView) => keyOf(draft.type, draft.period.code, draft.unitId, draft.activityId);
const refKey = (ref: DraftRef) => keyOf(ref.type, parsePeriod(ref.period)?.code, ref.unitId, ref.activityId ?? null);

interface Held {
  key: string;
  content: ReportContent;
  dirty: boolean;
}

/**
 * The draft for a report type, period and unit, opened (created the first time) from the ledgers,
 * with the user's edits held here until saved. `refresh` counts the ledgers again and keeps the edits.
 */
export function useReportDraft(ref: DraftRef | null) {
  const loaded = useApi('reports.draft', ref);
  const [held, setHeld] = useState<Held>();
  /** Goes up each time the figures are counted again, so the preview is redrawn even when the text is not. */
  const [stamp, setStamp] = useState(0);

  // Until the draft asked for arrives, the previous one is not shown under the new type or period.
  const draft = loaded.data && ref && draftKey(loaded.data) === refKey(ref) ? loaded.data : undefined;

  useEffect(() => {
    if (!draft) return;
    const key = draftKey(draft);
    setStamp((s) => s + 1);
    setHeld((prev) => (prev?.key === key && prev.dirty ? prev : { key, content: draft.content, dirty: false }));
  }, [draft]);

  const edit = useCallback((change: (content: ReportContent) => ReportContent) => {
    setHeld((prev) => prev && { ...prev, content: change(prev.content), dirty: true });
  }, []);

  const content = draft && held?.key === draftKey(draft) ? held.content : undefined;

  const save = useCallback(async (): Promise<DraftView | undefined> => {
    if (!ref || !content) return undefined;
    const saved = await call('reports.saveDraft', { ...ref, content });
    setHeld({ key: draftKey(saved), content: saved.content, dirty: false });
    return saved;
  }, [ref, content]);

  return {
    draft,
    content,
    dirty: content !== undefined && held?.dirty === true,
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
