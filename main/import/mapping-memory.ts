import type { Db } from '../store/database.js';
import { getSetting, setSetting } from '../store/settings.js';

/** Header text (compact form) → field key, or null for a column the user chose to leave out. */
export type RememberedMapping = Record<string, string | null>;

/** The mapping saved for a header layout (see layoutKey), or an empty one. */
export function loadMapping(db: Db, key: string): RememberedMapping {
  return getSetting<RememberedMapping>(db, key) ?? {};
}

/** Adds the user's choices to what is remembered for this layout; later imports apply them. */
export function rememberMapping(db: Db, key: string, choices: RememberedMapping): void {
  if (Object.keys(choices).length === 0) return;
  setSetting(db, key, { ...loadMapping(db, key), ...choices });
}
