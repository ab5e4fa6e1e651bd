import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { idCardCheckChar } from '../../shared/idcard.js';

/** A valid 身份证号 born on 2008-05-12 whose sex digit agrees with 性别. */
export function idNumberFor(seq: number, sex: '男' | '女'): string {
  const digit = sex === '男' ? 2 * (seq % 5) + 1 : 2 * (seq % 5);
  const first17 = `42282220080512${String(seq % 10)}${String(Math.floor(seq / 10) % 10)}${digit}`;
  return first17 + idCardCheckChar(first17);
}

const TEXTS = ['建始县高坪镇', '滨江区“春风助学”项目', '人事股、教研室'];
const FUZZY = ['3 月', '6 月下旬或 7 月上旬', '8 月下旬'];
const RANGES = ['25', '3-5', '30'];
const PHONES = ['13800138000', '0718-3321234', '15927001234'];
const MONEY = [1200.5, 86.25, 30000];
const DATES = ['2019-03-10', '2019-04-21', '2019-06-30'];

/** The i-th (0, 1, 2) sample value of a field: valid, and different per record. */
function sampleValue(field: FieldDefinition, i: number, sex: '男' | '女'): string | number {
  switch (field.type) {
    case 'text':
    case 'person':
    case 'unit':
      return `${field.label}${TEXTS[i]}`;
    case 'longtext':
      return `第${i + 1}条${field.label}：${'组织骨干教师赴建始开展送教活动，'.repeat(i + 1)}`;
    case 'int':
      return 3 + i * 7;
    case 'money':
      return MONEY[i]!;
    case 'date':
      return DATES[i]!;
    case 'month':
      return '2019-04';
    case 'fuzzy-time':
      return FUZZY[i]!;
    case 'range':
      return RANGES[i]!;
    case 'enum':
      return field.choices!.includes(sex) ? sex : field.choices![i % field.choices!.length]!;
    case 'idcard':
      return idNumberFor(i + 1, sex);
    case 'phone':
      return PHONES[i]!;
    case 'url':
      return `https://example.org/news/${i + 1}`;
    case 'attachments':
      return `photo-${i + 1}.jpg`;
  }
}

/** Three valid records of any ledger, every field filled. */
export function sampleRecords(def: LedgerDefinition): Array<Record<string, string | number>> {
  const sexes: Array<'男' | '女'> = ['女', '男', '女'];
  return sexes.map((sex, i) => Object.fromEntries(def.fields.map((f) => [f.key, sampleValue(f, i, sex)])));
}

const NOTICE = fileURLToPath(
  new URL('../fixtures/kit/notices/02-jianshi-east-west-cooperation-plan.txt', import.meta.url),
);

export interface NoticeTable {
  title: string;
  header: string[];
  rows: string[][];
}

/** The markdown table printed after "附件 N" in notice 02, with the title line above it. */
export function noticeAttachment(n: number): NoticeTable {
  const lines = readFileSync(NOTICE, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `附件 ${n}`);
  if (start === -1) throw new Error(`notice 02 has no “附件 ${n}”`);
  const title = lines
    .slice(start + 1)
    .find((line) => line.trim() !== '')!
    .trim();
  const tableStart = lines.findIndex((line, i) => i > start && line.startsWith('|'));
  const table: string[][] = [];
  for (let i = tableStart; i < lines.length && lines[i]!.startsWith('|'); i++) {
    table.push(
      lines[i]!.trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  const [header, separator, ...rows] = table;
  if (!header || !separator?.every((c) => /^-+$/.test(c))) throw new Error(`notice 02 附件 ${n}: not a table`);
  return { title, header, rows };
}
