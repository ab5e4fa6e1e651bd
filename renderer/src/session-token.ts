/**
 * The browser host's session token. `taizhang serve` prints a link with it in the fragment
 * (#token=…), which the browser never sends to a server or writes to a log. The page moves it to
 * sessionStorage (this tab only, gone when the tab closes) and out of the address bar, so a
 * copied or bookmarked address does not carry it.
 */
export const TOKEN_STORAGE_KEY = 'taizhang.sessionToken';

const FRAGMENT = /^#token=([A-Za-z0-9_-]{1,200})$/;

/** Takes the token from the address, once, before anything reads the hash as a route. */
export function takeTokenFromAddress(): void {
  const match = FRAGMENT.exec(window.location.hash);
  if (!match) return;
  sessionStorage.setItem(TOKEN_STORAGE_KEY, match[1]!);
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
}

export function sessionToken(): string | null {
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

/** The header every call to the host carries; empty without a token (the host then refuses). */
export function authorization(): Record<string, string> {
  const token = sessionToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** The host refused the token (absent, wrong, or from an earlier start): the page must say so. */
export function reportRefusedToken(): void {
  sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  for (const listener of listeners) listener();
}

export function onRefusedToken(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
