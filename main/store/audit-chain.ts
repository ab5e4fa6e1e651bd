import { createHash } from 'node:crypto';
import type { Db } from './database.js';
import type { ReadonlyDb } from './readonly-db.js';

/**
 * The audit log as a hash chain: each row stores the SHA-256 of the row before it together with
 * its own content, so a row changed, inserted or deleted behind the app's back (with the sqlite3
 * shell, say) breaks the chain at that row and 四性检测 names it.
 */

/** The stored row exactly as written: before/after are the JSON texts in the table. */
export interface ChainedRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** The chain starts from a fixed value, so the first row is checked like any other. */
export const CHAIN_START = '0'.repeat(64);

export function rowHash(previous: string, row: ChainedRow): string {
  const content = JSON.stringify([
    previous,
    row.id,
    row.at,
    row.operator,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Chains the rows a ledger had before the log was a chain (they are always its first rows), once,
 * when it is opened: a file whose first row already has its hash costs one lookup.
 */
export function chainEarlierRows(db: Db): void {
  const first = db.prepare('SELECT hash FROM audit_log ORDER BY id LIMIT 1').get() as
    { hash: string | null } | undefined;
  if (!first || first.hash !== null) return;
  db.transaction(() => chainRows(db))();
}

function chainRows(db: Db): void {
  const rows = db
    .prepare('SELECT id, at, operator, action, entity, entity_id, before, after FROM audit_log ORDER BY id')
    .all() as ChainedRow[];
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let previous = CHAIN_START;
  for (const row of rows) {
    const hash = rowHash(previous, row);
    update.run(previous, hash, row.id);
    previous = hash;
  }
}

export interface ChainBreak {
  id: number;
  at: string;
  why: string;
}

/** Walks the whole chain; the first break is enough to say the log was touched, so it stops there. */
export function findChainBreak(db: ReadonlyDb): { rows: number; broken: ChainBreak | null } {
  const statement = db.prepare(
    'SELECT id, at, operator, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log ORDER BY id',
  );
  let previous = CHAIN_START;
  let rows = 0;
  for (const row of statement.iterate() as IterableIterator<
    ChainedRow & { prev_hash: string | null; hash: string | null }
  >) {
    rows++;
    if (row.prev_hash !== previous) {
      const why = rows === 1 ? '日志开头的记录被删除或替换' : '它之前的一条记录被删除、插入或改动';
      return { rows, broken: { id: row.id, at: row.at, why } };
    }
    const hash = rowHash(previous, row);
    if (row.hash !== hash) return { rows, broken: { id: row.id, at: row.at, why: '这条记录的内容被改动' } };
    previous = hash;
  }
  return { rows, broken: null };
}
