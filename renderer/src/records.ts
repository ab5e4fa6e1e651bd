import type { ApiInput, ApiOutput } from '../../shared/api.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import type { FieldFilterInput } from '../../shared/record-grid-api.js';

export type LedgerRecord = ApiOutput<'records.get'>;

/** What the export dialog and other callers still take: one page of records.list without the ledger. */

/** A from–to range on a date or money field; either end may be open. */
export interface ValueRange {
  from?: string;
  to?: string;
}

/**
 * What a ledger page shows: the search, period, unit, sort and column filters. It lives in the
 * URL (#/ledgers/student-aid?q=…&period=…) so a link reopens the same rows.
 */
export interface LedgerView {
  search?: string;
  period?: string;
  unitId?: number;
  sort?: { field: string; direction: 'asc' | 'desc' };
  /** Choice fields: the record matches any of the chosen values. */
  choices: Record<string, string[]>;
  /** Date and money fields: inclusive ranges. */
  ranges: Record<string, ValueRange>;
}

export const EMPTY_VIEW: LedgerView = { choices: {}, ranges: {} };

/** "张三" — the words that name a record in dialogs and messages: its first filled-in text field. */
export function recordLabel(def: LedgerDefinition, record: Pick<LedgerRecord, 'id' | 'values'>): string {
  for (const field of def.fields) {
    const value = record.values[field.key];
    if (typeof value === 'string' && value.trim() && field.type !== 'idcard') return value.trim().slice(0, 30);
  }
  return `编号 ${record.id}`;
}

/** Fields the record form and the grid edit; attachments are kept as they are and managed with the archive. */
export function editableFields(def: LedgerDefinition) {
  return def.fields.filter((f) => f.type !== 'attachments');
}

/** Fields a range filter applies to. */
export function isRangeField(type: string): boolean {
  return type === 'date' || type === 'money' || type === 'int';
}

/**
 * Two views are one view when their keys are equal: the grid asks for rows again only when the key
 * changes, and the page keeps one view object per key, so a count stays matched to its view.
 */
export function viewKey(view: LedgerView): string {
  return JSON.stringify(view);
}

export function viewToParams(view: LedgerView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  if (view.period) params.set('period', view.period);
  if (view.unitId !== undefined) params.set('unit', String(view.unitId));
  if (view.sort) params.set('sort', `${view.sort.field}.${view.sort.direction}`);
  for (const [field, values] of Object.entries(view.choices)) {
    if (values.length) params.set(`f.${field}`, values.join('|'));
  }
  for (const [field, range] of Object.entries(view.ranges)) {
    if (range.from || range.to) params.set(`r.${field}`, `${range.from ?? ''}~${range.to ?? ''}`);
  }
  return params;
}

export function viewFromParams(params: URLSearchParams): LedgerView {
  const view: LedgerView = { choices: {}, ranges: {} };
  const search = params.get('q')?.trim();
  if (search) view.search = search;
  const period = params.get('period')?.trim();
  if (period) view.period = period;
  const unit = Number(params.get('unit'));
  if (Number.isInteger(unit) && unit > 0) view.unitId = unit;
  const sort = /^([a-zA-Z][a-zA-Z0-9_]{0,39})\.(asc|desc)$/.exec(params.get('sort') ?? '');
  if (sort) view.sort = { field: sort[1]!, direction: sort[2] as 'asc' | 'desc' };
  for (const [name, value] of params) {
    const choice = /^f\.([a-z][a-z0-9_]{0,39})$/.exec(name);
    if (choice) view.choices[choice[1]!] = value.split('|').filter(Boolean);
    const range = /^r\.([a-z][a-z0-9_]{0,39})$/.exec(name);
    if (range) {
      const [from = '', to = ''] = value.split('~');
      view.ranges[range[1]!] = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    }
  }
  return view;
}

/** The view's query string part of the hash: "#/ledgers/x?…" → its parameters. */
export function paramsOfHash(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
}

/** How many column filters the view has (for the 筛选 button's badge). */
export function filterCount(view: LedgerView): number {
  return (
    Object.values(view.choices).filter((v) => v.length).length +
    Object.values(view.ranges).filter((r) => r.from || r.to).length
  );
}

/** Which records a view shows, in the API's terms: the one place the page's filters become the API's. */
export function filterInput(def: LedgerDefinition, view: LedgerView): ApiInput<'records.totals'> {
  const filters: FieldFilterInput[] = [];
  for (const [field, values] of Object.entries(view.choices)) {
    if (values.length) filters.push({ field, op: 'in', values });
  }
  for (const [field, range] of Object.entries(view.ranges)) {
    const type = def.fields.find((f) => f.key === field)?.type;
    if (!type || !(range.from || range.to)) continue;
    const bound = (text: string | undefined) =>
      text === undefined || text === '' ? undefined : type === 'date' ? text : Number(text);
    filters.push({ field, op: 'range', min: bound(range.from), max: bound(range.to) });
  }
  return {
    ledger: def.key,
    ...(view.search ? { search: view.search } : {}),
    ...(view.period ? { period: view.period } : {}),
    ...(view.unitId !== undefined ? { unitId: view.unitId } : {}),
    ...(filters.length ? { filters } : {}),
  };
}

/** The newest records first, unless the view sorts by a column. */
export const DEFAULT_SORT = { field: 'id', direction: 'desc' } as const;

/** One block of the grid's rows. */
export function queryInput(
  def: LedgerDefinition,
  view: LedgerView,
  startRow: number,
  endRow: number,
): ApiInput<'records.query'> {
  return { ...filterInput(def, view), sort: view.sort ?? DEFAULT_SORT, startRow, endRow };
}
