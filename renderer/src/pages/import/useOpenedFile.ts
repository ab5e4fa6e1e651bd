import { useEffect, useRef, useState } from 'react';
import { call } from '../../api.js';
import type { PickedXlsx } from '../../components/xlsxFiles.js';

export interface OpenedFile {
  /** The id the app keeps the picked file under; null until it has been sent. */
  fileId: string | null;
  error: Error | null;
  loading: boolean;
}

/**
 * Sends the picked file to the app once (import.open); the previews, the import and the
 * rejected-rows download then name it by its id, so a new column choice sends only the choice.
 */
export function useOpenedFile(file: PickedXlsx | null): OpenedFile {
  const [state, setState] = useState<OpenedFile>({ fileId: null, error: null, loading: false });
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    if (!file) {
      setState({ fileId: null, error: null, loading: false });
      return;
    }
    setState({ fileId: null, error: null, loading: true });
    call('import.open', { fileName: file.name, data: file.data }).then(
      ({ fileId }) => ticket === latest.current && setState({ fileId, error: null, loading: false }),
      (error: unknown) =>
        ticket === latest.current &&
        setState({ fileId: null, error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
  }, [file]);
  return state;
}
