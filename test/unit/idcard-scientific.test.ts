import { describe, expect, it } from 'vitest';
import { checkIdCard, isScientificNotation } from '../../shared/idcard.js';
import { normalizeCell } from '../../main/import/normalize.js';
import type { FieldDefinition } from '../../shared/ledger-definition.js';

const idField: FieldDefinition = { key: 'id_number', label: '身份证号', type: 'idcard', required: true };

describe('one check for an ID number Excel turned into scientific notation', () => {
  it('knows the forms the form and the import each caught', () => {
    for (const text of ['4.22822E+17', '4.22822e+17', '42.2822E+16', '422822E17']) {
      expect(isScientificNotation(text), text).toBe(true);
    }
    for (const text of ['422822200805120012', '42282220080512001X', 'E+17', '4.2.2E+17']) {
      expect(isScientificNotation(text), text).toBe(false);
    }
  });

  it('is what both the form’s check and the import refuse by', () => {
    for (const text of ['4.22822E+17', '42.2822E16']) {
      expect(checkIdCard(text).problem, text).toBe('scientific');
      expect(normalizeCell(idField, text), text).toEqual({ error: expect.stringContaining('科学计数法') });
    }
  });
});
