import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `ms`: what the preview follows, so typing does not redraw it. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
