import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';
import { fillDemo } from '../../main/demo/index.js';
import { planTimeDate } from '../../main/demo/plan-time.js';
import { loadBuiltinLedgers } from '../../main/ledgers/builtin.js';
import { getLedgerDefinition, listLedgerSummaries } from '../../main/store/ledger-types.js';
import { countRecords, iterateRecords } from '../../main/store/record-query.js';
import type { LedgerRecord } from '../../main/store/records.js';
import { checkIdCard } from '../../shared/idcard.js';
import { parsePeriod } from '../../shared/period.js';
import { validateRecord } from '../../shared/validation.js';

const NOTICES = fileURLToPath(new URL('../fixtures/kit/notices/', import.meta.url));
const notice = (file: string) => readFileSync(path.join(NOTICES, file), 'utf8');

let store: TempStore;
let added: Record<string, number>;
beforeAll(() => {
  store = tempStore('建始县教育局');
  added = fillDemo(store.db, { unitId: store.unit.id, operator: '测试员' });
});
afterAll(() => store?.dispose());

function records(ledger: string): LedgerRecord[] {
  return [...iterateRecords(store.db, { ledger })];
}

function count(ledger: string, period: string): number {
  const p = parsePeriod(period)!;
  return countRecords(store.db, { ledger, dateFrom: p.from, dateTo: p.to });
}

const sum = (rows: LedgerRecord[], field: string) => rows.reduce((total, r) => total + Number(r.values[field] ?? 0), 0);

describe('taizhang demo', () => {
  it('fills every built-in ledger, and every row passes validation as stored', () => {
    const builtins = loadBuiltinLedgers().map((d) => d.key);
    expect(Object.keys(added)).toEqual(builtins);
    for (const key of builtins) {
      const def = getLedgerDefinition(store.db, key);
      const rows = records(key);
      expect(rows.length, key).toBe(added[key]);
      expect(rows.length, key).toBeGreaterThan(0);
      for (const row of rows) {
        const result = validateRecord(def, row.values);
        expect(result.errors, `${key} #${row.id}`).toEqual([]);
        expect(result.values, `${key} #${row.id}`).toEqual(row.values);
      }
    }
    const counts = Object.fromEntries(listLedgerSummaries(store.db, store.unit.id).map((l) => [l.key, l.count]));
    expect(counts).toEqual(added);
  });

  it('gives each ledger enough rows for a meaningful report', () => {
    const expected: Record<string, [number, number]> = {
      exchange: [110, 130],
      pairing: [56, 64],
      dropout: [35, 45],
      procurement: [190, 210],
      'teacher-training': [25, 35],
      publicity: [20, 30],
      donation: [15, 25],
      activity: [25, 35],
      'household-visit': [70, 90],
      'vocational-referral': [45, 55],
      rectification: [12, 18],
      task: [15, 25],
      liaison: [28, 28],
      'student-aid': [500, 500],
    };
    for (const [key, [low, high]] of Object.entries(expected)) {
      expect(added[key], key).toBeGreaterThanOrEqual(low);
      expect(added[key], key).toBeLessThanOrEqual(high);
    }
  });

  it('dates record ledgers in 2019, in both semesters', () => {
    for (const def of loadBuiltinLedgers().filter((d) => d.kind === 'record')) {
      expect(count(def.key, '2019'), def.key).toBe(added[def.key]);
      expect(count(def.key, '2018-2019S2'), def.key).toBeGreaterThan(0);
      expect(count(def.key, '2019-2020S1'), def.key).toBeGreaterThan(0);
    }
    const months = new Set(records('exchange').map((r) => r.recordDate.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(8);
  });

  it('meets notice 02: about 100 支教人次 and 150 跟岗培训 people, with 挂职 rows', () => {
    const rows = records('exchange');
    const byType = (type: string) => rows.filter((r) => r.values.exchange_type === type);
    expect(sum(byType('支教'), 'person_times')).toBeGreaterThanOrEqual(90);
    expect(sum(byType('支教'), 'person_times') + sum(byType('挂职'), 'person_times')).toBeLessThanOrEqual(110);
    expect(sum(byType('跟岗培训'), 'person_times')).toBe(150);
    expect(byType('挂职').length).toBeGreaterThanOrEqual(2);
    // 跟岗培训 follows 附件 1: its batches go in the months the plan names.
    const planMonths = new Set(records('training-plan').map((r) => r.recordDate.slice(0, 7)));
    for (const row of byType('跟岗培训')) expect(planMonths).toContain(row.recordDate.slice(0, 7));
    for (const row of rows)
      expect(row.values.days).toBe(
        (Date.parse(String(row.values.end_date)) - Date.parse(String(row.values.start_date))) / 86_400_000 + 1,
      );
  });

  it('pairs 滨江 and 建始 schools as the notices name them, every pair once a semester', () => {
    const rows = records('pairing');
    for (const row of rows) {
      expect(String(row.values.helping_school)).toMatch(/^杭州/);
      expect(String(row.values.aided_school)).toMatch(/^建始县/);
    }
    const aided = new Set(rows.map((r) => r.values.aided_school));
    expect(aided.size).toBe(28);
    for (const school of ['建始县高坪镇中心小学', '建始县民族中学', '建始县花坪镇民族初级中学'])
      expect(aided).toContain(school);
    const helping = new Set(rows.map((r) => r.values.helping_school));
    for (const school of ['杭州市滨江区江南实验学校', '杭州高新实验学校']) expect(helping).toContain(school);
    for (const period of ['2018-2019S2', '2019-2020S1']) {
      const p = parsePeriod(period)!;
      const visited = new Set(
        rows.filter((r) => r.recordDate >= p.from && r.recordDate <= p.to).map((r) => r.values.aided_school),
      );
      expect(visited.size, period).toBe(28);
    }
    const liaisons = records('liaison').map((r) => r.values.organization);
    expect(new Set(liaisons)).toEqual(aided);
  });

  it('has valid ID numbers whose sex digit agrees with 性别', () => {
    for (const key of ['student-aid', 'dropout', 'vocational-referral']) {
      for (const row of records(key)) {
        const id = checkIdCard(String(row.values.id_number));
        expect(id.ok, `${key} #${row.id}`).toBe(true);
        if (row.values.gender !== undefined) expect(row.values.gender).toBe(id.sex === 'male' ? '男' : '女');
      }
    }
  });

  it('buys 55–60 % of canteen money from 贫困地区, and prices add up', () => {
    const rows = records('procurement');
    const poor = sum(
      rows.filter((r) => r.values.from_poor_area === '是'),
      'amount',
    );
    const share = poor / sum(rows, 'amount');
    expect(share).toBeGreaterThanOrEqual(0.55);
    expect(share).toBeLessThanOrEqual(0.6);
    for (const row of rows) {
      expect(row.values.amount).toBeCloseTo(Number(row.values.quantity) * Number(row.values.unit_price), 2);
    }
  });

  it('has most dropouts back at school, most problems fixed, 县级以上 reports every semester and 扶贫日 activities', () => {
    const dropouts = records('dropout');
    expect(dropouts.filter((r) => r.values.return_result === '已复学').length / dropouts.length).toBeGreaterThan(0.5);
    const problems = records('rectification');
    expect(problems.filter((r) => r.values.status === '已完成').length / problems.length).toBeGreaterThan(0.5);
    for (const period of ['2018-2019S2', '2019-2020S1']) {
      const p = parsePeriod(period)!;
      const inTerm = records('publicity').filter((r) => r.recordDate >= p.from && r.recordDate <= p.to);
      expect(inTerm.filter((r) => r.values.level !== '校级').length, period).toBeGreaterThanOrEqual(3);
      for (const row of inTerm) expect(row.values.semester).toBe(p.label);
    }
    const povertyDay = records('activity').filter((r) => r.values.activity_type === '扶贫日');
    expect(povertyDay.length).toBeGreaterThanOrEqual(3);
    for (const row of povertyDay) expect(row.recordDate >= '2019-10-14' && row.recordDate <= '2019-10-20').toBe(true);
    expect(povertyDay.some((r) => r.recordDate === '2019-10-17')).toBe(true);
  });

  it('gives exactly --rows N student-aid records from the command line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'demo.db');
    expect((await runCli(['init', '--db', file, '--unit', '建始县高坪镇中心小学'])).code).toBe(0);
    const result = await runCli(['demo', '--db', file, '--rows', '7']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)['student-aid']).toBe(7);
    const db = new Database(file, { readonly: true });
    try {
      const n = db.prepare(`SELECT count(*) AS n FROM records WHERE ledger_key = 'student-aid'`).get() as { n: number };
      expect(n.n).toBe(7);
    } finally {
      db.close();
    }
  });
});

/** Notice 01's 项目表, laid out one cell per line: a line starting with a tab opens a cell. */
function projectTable(): string[][] {
  const lines = notice('01-education-tv-association-xinjiang-plan.txt').split('\n');
  const start = lines.findIndex((l) => l.trim() === '附: 中国教育电视协会助力新疆脱贫攻坚工作项目表');
  expect(start).toBeGreaterThan(0);
  const cells: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (line.startsWith('\t')) cells.push([line.slice(1)]);
    else cells.at(-1)?.push(line);
  }
  const texts = cells.map((c) => c.join('\n').trim());
  const rows: string[][] = [];
  for (let i = 0; i < texts.length; i += 7) rows.push(texts.slice(i, i + 7));
  return rows;
}

/** A markdown table of notice 02, found under its 附件 line. */
function attachmentTable(marker: string): string[][] {
  const lines = notice('02-jianshi-east-west-cooperation-plan.txt').split('\n');
  const start = lines.indexOf(marker);
  expect(start).toBeGreaterThan(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (!cells.every((c) => /^-+$/.test(c))) rows.push(cells);
  }
  return rows;
}

/** The month a notice's time cell names first, as "MM" (and its year when written). */
function monthOf(cell: string): { year?: string; month: string } {
  const m = /(?:(\d{4})年)?\s*(\d{1,2})\s*月/.exec(cell)!;
  return { year: m[1], month: m[2]!.padStart(2, '0') };
}

describe("the notices' own tables", () => {
  it('loads notice 01 项目表 with every cell exactly as printed', () => {
    const [header, ...rows] = projectTable();
    expect(header).toEqual(['序号', '项目名称', '参与单位', '内容安排', '完成时间', '经费', '联系人']);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const def = getLedgerDefinition(store.db, 'project');
    const columns = header!.slice(1).map((label) => def.fields.find((f) => f.label === label)!.key);
    const stored = records('project');
    expect(stored.map((r) => columns.map((k) => r.values[k]))).toEqual(rows.map((r) => r.slice(1)));
    expect(stored.every((r) => r.values.progress === null)).toBe(true);
    let previous = { year: '', month: '' };
    stored.forEach((record, i) => {
      const due = rows[i]![4]!;
      const when = due === '同上' ? previous : { year: monthOf(due).year!, month: monthOf(due).month };
      expect(record.recordDate.slice(0, 7), due).toBe(`${when.year}-${when.month}`);
      previous = when;
    });
  });

  it('loads notice 02 附件 1 as the training plan, cell for cell, dated in its months', () => {
    const [header, ...rows] = attachmentTable('附件 1');
    const def = getLedgerDefinition(store.db, 'training-plan');
    expect(header!.map((h) => h.replace(/\s+/g, ''))).toEqual(['序号', ...def.fields.map((f) => f.label)]);
    expect(rows).toHaveLength(6);
    const stored = records('training-plan');
    expect(stored.map((r) => def.fields.map((f) => r.values[f.key]))).toEqual(rows.map((r) => r.slice(1)));
    stored.forEach((record, i) => expect(record.recordDate.slice(0, 7)).toBe(`2019-${monthOf(rows[i]![2]!).month}`));
    expect(count('training-plan', '2019H1')).toBe(3);
  });

  it('loads notice 02 附件 2 as the expert training plan, "3-5" and "6 月下旬或 7 月上旬" verbatim', () => {
    const [header, ...rows] = attachmentTable('附件 2');
    const def = getLedgerDefinition(store.db, 'expert-training');
    header!.forEach((h, i) => expect(h.replace(/\s+/g, '')).toMatch(new RegExp(`${def.fields[i]!.label}$`)));
    expect(rows).toHaveLength(5);
    const stored = records('expert-training');
    expect(stored.map((r) => def.fields.map((f) => r.values[f.key]))).toEqual(rows);
    expect(stored[1]!.values.time).toBe('6 月下旬或 7 月上旬');
    expect(stored.every((r) => r.values.headcount === '3-5')).toBe(true);
    stored.forEach((record, i) => expect(record.recordDate.slice(0, 7)).toBe(`2019-${monthOf(rows[i]![3]!).month}`));
  });
});

describe('the day a plan time points at', () => {
  it.each([
    ['3 月', 2019, '2019-03-01'],
    ['6 月下旬或 7 月上旬', 2019, '2019-06-21'],
    ['8 月下旬', 2019, '2019-08-21'],
    ['2020年4月底完成', 2019, '2020-04-30'],
    ['2019年2月底', 2019, '2019-02-28'],
    ['一批：2020年1月中旬\n二批：\n2020年3月底前', 2019, '2020-01-11'],
    ['10 月 17 日', 2019, '2019-10-17'],
    ['全年', 2019, null],
    ['13 月', 2019, null],
    ['2 月 30 日', 2019, null],
  ])('%j in %i → %s', (text, year, expected) => {
    expect(planTimeDate(text, year)).toBe(expected);
  });
});
