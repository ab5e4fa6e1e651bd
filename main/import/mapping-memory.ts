import type { Db } from '../store/database.js';
import { getSetting, setSetting } from '../store/settings.js';

/** Header text (compact form) → field key, or null for a column the user chose to leave out. */
export type RememberedColumns = Record<string, string | null>;

/** What is remembered for a header layout: the column choices, and the values filled into every row. */
export interface RememberedMapping {
  columns: RememberedColumns;
  /** Field key → the 本列统一填写 value; "" withdraws one remembered before. */
  fill: Record<string, string>;
}

// The fill has a setting of its own so that layouts remembered before it existed read unchanged.
const fillKey = (key: string) => `${key}:fill`;

/** The mapping saved for a header layout (see layoutKey), or an empty one. */
export function loadMapping(db: Db, key: string): RememberedMapping {
  return {
    columns: getSetting<RememberedColumns>(db, key) ?? {},
    fill: getSetting<Record<string, string>>(db, fillKey(key)) ?? {},
  };
}

/** Adds the user's choices to what is remembered for this layout; later imports apply them. */
export function rememberMapping(db: Db, key: string, choices: RememberedMapping): void {
  const before = loadMapping(db, key);
  if (Object.keys(choices.columns).length > 0) setSetting(db, key, { ...before.columns, ...choices.columns });
  if (Object.keys(choices.fill).length > 0) {
    const fill = { ...before.fill, ...choices.fill };
    for (const [field, value] of Object.entries(fill)) if (value === '') delete fill[field];
    setSetting(db, fillKey(key), fill);
  }
}
