import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiOutput } from '../../../../shared/api.js';
import type { ReportContent } from '../../../../shared/report-draft.js';
import { useApi } from '../../hooks/useApi.js';
import { call } from '../../api.js';

export type DraftRef = ApiInput<'reports.draft'>;
export type DraftView = ApiOutput<'reports.draft'>;

/**
 * The draft for a report type, period and unit, opened (created the first time) from the ledgers,
 * with the user's edits held here until saved.
 */
export function useReportDraft(ref: DraftRef | null) {
  const loaded = useApi('reports.draft', ref);
  const [content, setContent] = useState<ReportContent>();
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setContent(loaded.data.content);
    setDirty(false);
  }, [loaded.data]);

  const edit = useCallback((change: (content: ReportContent) => ReportContent) => {
    setContent((current) => (current ? change(current) : current));
    setDirty(true);
  }, []);

  const save = useCallback(async (): Promise<DraftView | undefined> => {
    if (!ref || !content) return undefined;
    const saved = await call('reports.saveDraft', { ...ref, content });
    setContent(saved.content);
    setDirty(false);
    return saved;
  }, [ref, content]);

  return {
    draft: loaded.data,
    content,
    dirty,
    edit,
    save,
    error: loaded.error,
    loading: loaded.loading,
    reload: loaded.reload,
  };
}
