import { useCallback, useEffect, useRef, useState } from 'react';
import { paramsOfHash, viewFromParams, viewKey, viewToParams, type LedgerView } from '../../records.js';

function hashFor(path: string, view: LedgerView): string {
  const query = viewToParams(view).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The ledger page's view, kept in the address (#/ledgers/student-aid?q=秋菊&f.family_type=建档立卡):
 * a copied link or a reload opens the same rows. Changes replace the address rather than add
 * history entries, so Back leaves the page instead of stepping through every keystroke.
 */
export function useLedgerView(path: string): [LedgerView, (change: Partial<LedgerView>) => LedgerView] {
  const [view, setView] = useState(() => viewFromParams(paramsOfHash(window.location.hash)));
  // The latest view, for a change made before React has drawn the previous one.
  const current = useRef(view);
  current.current = view;

  useEffect(() => {
    const follow = () => {
      const hash = window.location.hash;
      if (hash.split('?')[0] !== path) return;
      const next = viewFromParams(paramsOfHash(hash));
      // The address can be announced again with the same view (Back, when its event comes after the
      // page has drawn): the view stays the object it was, or the page would wait for a count of it
      // that the grid, seeing the same view, never asks for.
      setView((shown) => (viewKey(shown) === viewKey(next) ? shown : next));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [path]);

  /** Applies a change and returns the new view at once, so the grid can ask for its rows before React redraws. */
  const change = useCallback(
    (part: Partial<LedgerView>) => {
      const next = { ...current.current, ...part };
      if (viewKey(next) === viewKey(current.current)) return current.current;
      current.current = next;
      window.history.replaceState(window.history.state, '', hashFor(path, next));
      setView(next);
      return next;
    },
    [path],
  );
  return [view, change];
}
