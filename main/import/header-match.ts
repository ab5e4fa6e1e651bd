import { createHash } from 'node:crypto';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { TaizhangError } from '../store/errors.js';
import { cellText, type SheetCell } from './sheet-cell.js';
import { columnLetter, compactLabel, listSome, quote } from './text.js';

/** How a column found its field. */
export type MatchHow = 'label' | 'alias' | 'given' | 'remembered';

export interface ColumnMapping {
  /** 1-based, as Excel counts. */
  column: number;
  letter: string;
  /** The header text, whitespace runs shown as one space. */
  header: string;
  field: FieldDefinition | null;
  how: MatchHow | 'ignored' | 'unmatched';
}

/** A user's choice for one header text: a field key or label, or null to leave the column out. */
export interface GivenMapping {
  header: string;
  field: string | null;
}

/** Columns every table may carry that hold no field: the running number, and our own error column. */
const IGNORED_HEADERS = new Set(['序号', '错误原因']);

/** Other names people give the same column. */
const ALIASES: Record<string, string[]> = {
  身份证号: ['身份证号码', '身份证', '公民身份号码', '公民身份证号码', '身份证件号码'],
  联系电话: ['电话', '联系方式', '电话号码'],
  手机: ['手机号', '手机号码'],
  办公电话: ['座机'],
};

export function displayHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function withoutUnit(compact: string): string {
  return compact.replace(/\([^()]*\)$/, '');
}

/**
 * The field a --map (or --fill) target names: its key, its label, or its label without the unit.
 * `what` says where the name came from in the message for an unknown one.
 */
export function resolveFieldRef(def: LedgerDefinition, ref: string, what = '对应关系中的字段'): FieldDefinition | null {
  const wanted = compactLabel(ref);
  if (wanted === '' || wanted === '-') return null;
  const field =
    def.fields.find((f) => f.key === ref.trim()) ??
    def.fields.find((f) => compactLabel(f.label) === wanted) ??
    def.fields.find((f) => withoutUnit(compactLabel(f.label)) === wanted);
  if (!field) {
    throw new TaizhangError(
      'validation',
      `${what}“${ref}”不在台账“${def.label}”中，可用的字段：${def.fields.map((f) => f.label).join('、')}`,
    );
  }
  return field;
}

/** Answers "which field is this header?" for one ledger and the mappings the user gave. */
export class FieldLookup {
  private readonly byLabel = new Map<string, FieldDefinition>();
  private readonly byBase = new Map<string, FieldDefinition>();
  private readonly byAlias = new Map<string, FieldDefinition>();
  /** The user's choices by compact header text, with the header as they wrote it. */
  readonly given = new Map<string, { header: string; field: FieldDefinition | null }>();

  constructor(
    readonly def: LedgerDefinition,
    given: GivenMapping[] = [],
  ) {
    for (const field of def.fields) {
      const label = compactLabel(field.label);
      this.byLabel.set(label, field);
      if (withoutUnit(label) !== label) this.byBase.set(withoutUnit(label), field);
      for (const alias of ALIASES[field.label] ?? []) this.byAlias.set(compactLabel(alias), field);
    }
    for (const g of given) {
      const field = g.field === null ? null : resolveFieldRef(def, g.field);
      this.given.set(compactLabel(g.header), { header: g.header, field });
    }
  }

  static isIgnoredHeader(text: string): boolean {
    return IGNORED_HEADERS.has(compactLabel(text));
  }

  /** The field a header names by itself (label, label without its unit, or a common alias). */
  match(text: string): { field: FieldDefinition | null; how: MatchHow | 'ignored' } | null {
    const compact = compactLabel(text);
    if (compact === '') return null;
    const given = this.given.get(compact);
    if (given) return given.field ? { field: given.field, how: 'given' } : { field: null, how: 'ignored' };
    if (IGNORED_HEADERS.has(compact)) return { field: null, how: 'ignored' };
    const byLabel = this.byLabel.get(compact);
    if (byLabel) return { field: byLabel, how: 'label' };
    // "资助金额" may stand for "资助金额(元)", but "资助金额(万元)" is another unit and must not.
    const byBase = compact.includes('(') ? undefined : this.byBase.get(compact);
    if (byBase) return { field: byBase, how: 'label' };
    const byAlias = this.byAlias.get(compact);
    return byAlias ? { field: byAlias, how: 'alias' } : null;
  }

  /** How many of the ledger's fields a row names: the header is the row that names the most. */
  score(cells: SheetCell[]): number {
    const fields = new Set<string>();
    for (const cell of cells) {
      const found = typeof cell === 'string' ? this.match(cell) : null;
      if (found?.field) fields.add(found.field.key);
    }
    return fields.size;
  }
}

/**
 * Identifies a header layout: the same columns in the same places give the same key, so a
 * mapping the user made once is found again. 序号 and 错误原因 do not count, so a table of
 * rejected rows exported for correction keeps the key of the table it came from.
 */
export function layoutKey(def: LedgerDefinition, header: SheetCell[]): string {
  const parts: string[] = [];
  header.forEach((cell, i) => {
    const text = compactLabel(cellText(cell));
    if (text && !IGNORED_HEADERS.has(text)) parts.push(`${columnLetter(i + 1)}=${text}`);
  });
  const hash = createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 16);
  return `import-mapping:${def.key}:${hash}`;
}

/** Maps each header cell to a field: what the user gave, then what was remembered, then labels. */
export function mapColumns(
  header: SheetCell[],
  lookup: FieldLookup,
  remembered: Record<string, string | null>,
): ColumnMapping[] {
  const columns: ColumnMapping[] = [];
  header.forEach((cell, i) => {
    const raw = cellText(cell);
    const compact = compactLabel(raw);
    if (compact === '') return;
    const base = { column: i + 1, letter: columnLetter(i + 1), header: displayHeader(raw) };
    const found = lookup.match(raw);
    if (found?.how !== 'given' && Object.hasOwn(remembered, compact)) {
      const key = remembered[compact];
      const field = key === null ? null : lookup.def.fields.find((f) => f.key === key);
      if (field !== undefined) {
        columns.push({ ...base, field, how: field ? 'remembered' : 'ignored' });
        return;
      }
    }
    if (found) columns.push({ ...base, field: found.field, how: found.how });
    else columns.push({ ...base, field: null, how: 'unmatched' });
  });
  return columns;
}

/** Two columns feeding one field would lose one of them: say which, so the user can choose. */
export function conflicts(columns: ColumnMapping[]): string[] {
  const byField = new Map<string, ColumnMapping[]>();
  for (const c of columns) if (c.field) byField.set(c.field.key, [...(byField.get(c.field.key) ?? []), c]);
  const problems: string[] = [];
  for (const same of byField.values()) {
    if (same.length < 2) continue;
    const names = listSome(
      same.map((c) => `${c.letter} 列${quote(c.header)}`),
      '列',
      '和',
    );
    problems.push(`${names}都对应字段“${same[0]!.field!.label}”，请指定其中一列（另一列可写作“列名=”表示不导入）`);
  }
  return problems;
}
