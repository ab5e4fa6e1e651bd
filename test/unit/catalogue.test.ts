import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBuiltinLedgers } from '../../main/ledgers/builtin.js';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { validateRecord } from '../../shared/validation.js';

/** The catalogue as LEDGERS.md (the kit beside the repo) writes it: the source of truth. */
interface DocField {
  label: string;
  type: string;
  choices?: string[];
}
interface DocLedger {
  key: string;
  label: string;
  kind: 'record' | 'plan';
  fields: DocField[];
  notice: string;
}

const LEDGERS_MD = fileURLToPath(new URL('../fixtures/kit/domain/LEDGERS.md', import.meta.url));

function parseField(cell: string): DocField {
  const match = /^(.+?):\s*(\S.*)$/.exec(cell.trim());
  if (!match) throw new Error(`LEDGERS.md: cannot read field “${cell}”`);
  const label = match[1]!.trim();
  const type = match[2]!.trim();
  const en = /^enum(?:\((.*)\))?$/.exec(type);
  if (!en) return { label, type };
  const choices = en[1]?.split(',').map((c) => c.trim());
  return choices ? { label, type: 'enum', choices } : { label, type: 'enum' };
}

/** Rows of the two catalogue tables: "| `key` | label | a: type · b: type | notice |". */
function parseCatalogue(markdown: string): DocLedger[] {
  const ledgers: DocLedger[] = [];
  let kind: 'record' | 'plan' | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('## ')) {
      kind = line.startsWith('## Record ledgers') ? 'record' : line.startsWith('## Plan and list') ? 'plan' : null;
      continue;
    }
    const row = /^\|\s*`([a-z-]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!row || !kind) continue;
    const cells = row[2]!.split('|').map((c) => c.trim());
    if (cells.length !== 3) throw new Error(`LEDGERS.md: unexpected row “${line}”`);
    const [label, fields, notice] = cells as [string, string, string];
    ledgers.push({ key: row[1]!, label, kind, fields: fields.split('·').map(parseField), notice });
  }
  return ledgers;
}

const doc = parseCatalogue(readFileSync(LEDGERS_MD, 'utf8'));
const defs = loadBuiltinLedgers();
const defByKey = new Map(defs.map((d) => [d.key, d]));

/** A real-checksum 身份证号 (a woman's: its 17th digit is even), so 性别 is “女”. */
const ID_NUMBER = '11010519491231002X';

function sampleValue(field: FieldDefinition): string | number {
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'person':
    case 'unit':
      return `${field.label}示例`;
    case 'int':
      return 3;
    case 'money':
      return 1200.5;
    case 'date':
      return '2019-04-12';
    case 'month':
      return '2019-04';
    case 'fuzzy-time':
      return '6 月下旬或 7 月上旬';
    case 'range':
      return '3-5';
    case 'enum':
      // 性别 must agree with the sample 身份证号, which is a woman's.
      return field.choices!.includes('女') ? '女' : field.choices![0]!;
    case 'idcard':
      return ID_NUMBER;
    case 'phone':
      return '13800138000';
    case 'url':
      return 'https://example.org/a';
    case 'attachments':
      return 'photo-1.jpg';
  }
}

function sampleRecord(def: LedgerDefinition): Record<string, string | number> {
  return Object.fromEntries(def.fields.map((f) => [f.key, sampleValue(f)]));
}

describe('built-in ledger catalogue', () => {
  it('reads both catalogue tables of LEDGERS.md', () => {
    expect(doc.filter((l) => l.kind === 'record')).toHaveLength(12);
    expect(doc.filter((l) => l.kind === 'plan')).toHaveLength(5);
  });

  it('ships the 17 ledgers in LEDGERS.md order, record ledgers first', () => {
    expect(defs).toHaveLength(17);
    expect(defs.map((d) => d.key)).toEqual(doc.map((l) => l.key));
    expect(defs.map((d) => d.kind)).toEqual(doc.map((l) => l.kind));
  });

  describe.each(doc.map((l) => [l.key, l] as const))('%s', (key, entry) => {
    const def = () => {
      const found = defByKey.get(key);
      if (!found) throw new Error(`no built-in definition for ${key}`);
      return found;
    };

    it('matches LEDGERS.md: label, notice, field labels in order, types and choices', () => {
      const d = def();
      expect(d.label).toBe(entry.label);
      expect(d.notice).toBe(entry.notice);
      expect(d.fields.map((f) => f.label)).toEqual(entry.fields.map((f) => f.label));
      expect(d.fields.map((f) => f.type)).toEqual(entry.fields.map((f) => f.type));
      entry.fields.forEach((docField, i) => {
        const field = d.fields[i]!;
        if (docField.choices) expect(field.choices, field.label).toEqual(docField.choices);
        // “性别: enum” without choices means the two sexes.
        else if (docField.type === 'enum' && docField.label === '性别') expect(field.choices).toEqual(['男', '女']);
      });
    });

    it('has sound period, key, totals and cross-check settings', () => {
      const d = def();
      const byKey = new Map(d.fields.map((f) => [f.key, f]));
      if (d.kind === 'plan') expect(d.dateField).toBeUndefined();
      else if (d.fields.some((f) => f.type === 'date')) expect(d.dateField).toBeDefined();
      expect(d.keyFields?.length ?? 0).toBeGreaterThan(0);
      for (const k of d.totals ?? []) expect(['int', 'money']).toContain(byKey.get(k)?.type);
      const idcard = d.fields.find((f) => f.type === 'idcard');
      const gender = d.fields.find((f) => f.label === '性别');
      if (idcard && gender) {
        expect(d.crossChecks).toContainEqual({ kind: 'idcard-gender', fields: [idcard.key, gender.key] });
      }
      expect(d.fields.some((f) => f.required)).toBe(true);
    });

    it('accepts a valid sample record', () => {
      const d = def();
      const result = validateRecord(d, sampleRecord(d));
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('reports each missing required field as 必填', () => {
      const d = def();
      for (const field of d.fields.filter((f) => f.required)) {
        const sample = sampleRecord(d);
        delete sample[field.key];
        const result = validateRecord(d, sample);
        expect(result.ok).toBe(false);
        expect(result.errors).toEqual([{ field: field.key, label: field.label, message: '必填' }]);
      }
    });
  });
});
