import { useEffect, useRef, useState } from 'react';
import { call } from '../../api.js';
import type { ImportPreview, ImportRequest } from './importRequest.js';

export interface PreviewState {
  preview: ImportPreview | null;
  error: Error | null;
  loading: boolean;
}

/** Previews the import again whenever the request changes; an answer to an older request is dropped. */
export function useImportPreview(request: ImportRequest | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: null, error: null, loading: false });
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    if (!request) {
      setState({ preview: null, error: null, loading: false });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    call('import.preview', request).then(
      (preview) => ticket === latest.current && setState({ preview, error: null, loading: false }),
      (error: unknown) =>
        ticket === latest.current &&
        setState({ preview: null, error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
  }, [request]);
  return state;
}
