import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftDocx, draftPreview, loadDraft, saveDraft } from '../../main/reports/report-service.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { parsePeriod } from '../../shared/period.js';
import { tempDir } from '../helpers/temp-store.js';
import { reportFixture, type ReportFixture } from './reports-fixture.js';
import {
  all,
  attr,
  footerParagraphs,
  instrText,
  readDocx,
  tableRows,
  type DocxContents,
  type ParagraphInfo,
} from './reports-docx-reader.js';

let fx: ReportFixture;
let out: string;
const docs: Record<string, { file: string; doc: DocxContents; previewPages: number }> = {};
const H1 = parsePeriod('2019H1')!;
const REPORTS = [
  { name: 'half', ref: { type: 'half-year-summary', period: '2019H1' } },
  { name: 'monthly', ref: { type: 'monthly-progress', period: '2019H1' } },
  { name: 'activity', ref: { type: 'activity-summary', period: '2019H1' } },
  { name: 'povertyDay', ref: { type: 'activity-summary', period: '2019H2' } },
] as const;

/** What the ledger holds for the main unit in 2019H1, asked of SQLite directly. */
function sql(select: string, ledger: string, where = '1'): number {
  const row = fx.db
    .prepare(
      `SELECT ${select} AS v FROM records WHERE ledger_key = ? AND unit_id = ? AND record_date BETWEEN ? AND ? AND (${where})`,
    )
    .get(ledger, fx.unit.id, H1.from, H1.to) as { v: number | null };
  return row.v ?? 0;
}
const j = (field: string) => `json_extract(data, '$.${field}')`;
const money = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));
/** From 10,000 元 up a report writes 万元 with two decimals. */
const wan = (cents: number) => (cents >= 1_000_000 ? `${(cents / 1_000_000).toFixed(2)}万` : money(cents));

beforeAll(async () => {
  fx = reportFixture();
  out = tempDir();
  // The half-year summary as a user left it: a level-3 and a level-4 heading of their own, and two 附件.
  const half = loadDraft(fx.db, REPORTS[0].ref);
  half.content.blocks.push(
    { id: 'u1', type: 'heading', level: 3, text: '经验做法' },
    { id: 'u2', type: 'heading', level: 4, text: '建立工作台账' },
    { id: 'u3', type: 'paragraph', text: '我校建立了扶贫工作台账，做到一人一档。' },
  );
  half.content.attachments = [
    { ledger: 'student-aid', title: '' },
    { ledger: 'procurement', title: '' },
  ];
  half.content.signatureDate = '2019-07-10';
  saveDraft(fx.db, REPORTS[0].ref, half.content, '测试员');
  for (const { name, ref } of REPORTS) {
    const withActivity = name === 'povertyDay' ? { ...ref, activityId: fx.povertyDayId } : ref;
    const { bytes } = await draftDocx(fx.db, withActivity);
    const file = path.join(out, `${name}.docx`);
    fs.writeFileSync(file, bytes);
    docs[name] = { file, doc: await readDocx(bytes), previewPages: draftPreview(fx.db, withActivity).pages };
  }
});

afterAll(() => {
  fx.dispose();
  fs.rmSync(out, { recursive: true, force: true });
});

const bodyParagraphs = (doc: DocxContents) =>
  doc.paragraphs.filter((p) => !p.inTable && p.section === 0 && p.text.trim() !== '');
const fontsOf = (p: ParagraphInfo) => [...new Set(p.runs.filter((r) => r.text).map((r) => r.eastAsia))];
const sizesOf = (p: ParagraphInfo) => [...new Set(p.runs.filter((r) => r.text).map((r) => r.size))];

describe('the .docx page (GB/T 9704-2012)', () => {
  it('is A4 with margins of 37, 35, 28 and 26 mm in every section', () => {
    for (const { doc } of Object.values(docs)) {
      expect(doc.sections.length).toBeGreaterThan(0);
      for (const section of doc.sections) {
        const size = all([section], 'w:pgSz')[0];
        const landscape = attr(size, 'w:orient') === 'landscape';
        expect([attr(size, 'w:w'), attr(size, 'w:h')]).toEqual(landscape ? ['16838', '11906'] : ['11906', '16838']);
        const margin = all([section], 'w:pgMar')[0];
        expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => attr(margin, a))).toEqual([
          '2098',
          '1984',
          '1588',
          '1474',
        ]);
      }
    }
  });

  it('sets the title in 2号 方正小标宋简体, centred', () => {
    for (const { doc } of Object.values(docs)) {
      const title = bodyParagraphs(doc)[0]!;
      expect(title.align).toBe('center');
      expect(fontsOf(title)).toEqual(['方正小标宋简体']);
      expect(sizesOf(title)).toEqual(['44']);
    }
  });

  it('sets body text in 3号 仿宋_GB2312, indented two characters, at exactly 28.9 pt', () => {
    const { doc } = docs.half!;
    const body = bodyParagraphs(doc).filter(
      (p) =>
        p.firstLine !== undefined &&
        !/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/.test(p.text),
    );
    expect(body.length).toBeGreaterThan(8);
    for (const p of body) {
      expect(fontsOf(p)).toEqual(['仿宋_GB2312']);
      expect(sizesOf(p)).toEqual(['32']);
      expect(p.firstLine).toBe('640');
      expect([p.line, p.lineRule]).toEqual(['578', 'exact']);
    }
  });

  it('numbers headings 一、（一）1.（1） in 黑体, 楷体_GB2312 and bold 仿宋_GB2312', () => {
    const { doc } = docs.half!;
    const expectations: Array<[RegExp, string, boolean]> = [
      [/^[一二三四五六七八九十]+、/, '黑体', false],
      [/^（[一二三四五六七八九十]+）/, '楷体_GB2312', false],
      [/^\d+\./, '仿宋_GB2312', true],
      [/^（\d+）/, '仿宋_GB2312', true],
    ];
    for (const [pattern, font, bold] of expectations) {
      // 附件 notes ("2. …") hang; headings do not.
      const headings = bodyParagraphs(doc).filter((p) => pattern.test(p.text) && p.hanging === undefined);
      expect(headings.length, String(pattern)).toBeGreaterThan(0);
      for (const h of headings) {
        expect(fontsOf(h)).toEqual([font]);
        expect(sizesOf(h)).toEqual(['32']);
        expect(h.runs[0]!.bold).toBe(bold);
        expect(h.firstLine).toBe('640');
        expect([h.line, h.lineRule]).toEqual(['578', 'exact']);
      }
    }
    const levelOne = bodyParagraphs(doc)
      .filter((p) => /^[一二三四五六七八九十]+、/.test(p.text))
      .map((p) => p.text.split('、')[0]);
    expect(levelOne).toEqual(['一', '二', '三', '四', '五', '六', '七'].slice(0, levelOne.length));
  });

  it('names the East Asian, Latin and high-ANSI font of every run', () => {
    for (const { doc } of Object.values(docs)) {
      for (const p of doc.paragraphs) {
        for (const run of p.runs) {
          expect(run.eastAsia, p.text).toBeTruthy();
          expect(run.ascii).toBe(run.eastAsia);
          expect(run.hAnsi).toBe(run.eastAsia);
        }
      }
    }
  });

  it('ends with the signing unit and an Arabic-numeral date, right-aligned', async () => {
    const body = bodyParagraphs(docs.half!.doc);
    const [unit, date] = body.slice(-2);
    expect(unit!.text).toBe(fx.unit.name);
    expect(date!.text).toBe('2019年7月10日');
    expect([unit!.align, date!.align]).toEqual(['right', 'right']);
    // The date starts two characters right of the unit's first character (GB/T 9704 7.3.5.2).
    expect(Number(unit!.right)).toBe(640);
  });

  it('puts "— 1 —" page numbers in 4号 宋体 at the foot, odd pages right and even pages left', async () => {
    for (const { doc } of Object.values(docs)) {
      const settings = await doc.part('word/settings.xml');
      expect(all(settings, 'w:evenAndOddHeaders')).toHaveLength(1);
      for (const section of doc.sections) {
        for (const [type, align] of [
          ['default', 'right'],
          ['even', 'left'],
        ] as const) {
          const footer = await doc.footer(section, type);
          expect(instrText(footer)).toMatch(/\bPAGE\b/);
          const [p] = footerParagraphs(footer);
          expect(p!.align).toBe(align);
          expect(p!.text.replace(/\s/g, '')).toBe('——');
          expect(fontsOf(p!)).toEqual(['宋体']);
          expect(sizesOf(p!)).toEqual(['28']);
        }
      }
    }
  });

  it('makes 仿宋_GB2312 3号 the document default', async () => {
    const styles = await docs.half!.doc.part('word/styles.xml');
    const defaults = all(styles, 'w:rPrDefault')[0]!;
    expect(attr(all([defaults], 'w:rFonts')[0], 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(all([defaults], 'w:sz')[0], 'w:val')).toBe('32');
  });
});

describe('the figures in the text', () => {
  it('are what the ledgers hold for the unit and period', () => {
    const teaching = sql(`SUM(COALESCE(${j('person_times')}, 1))`, 'exchange', `${j('exchange_type')} = '支教'`);
    const secondment = sql(`SUM(COALESCE(${j('person_times')}, 1))`, 'exchange', `${j('exchange_type')} = '挂职'`);
    const shadowing = sql(`SUM(COALESCE(${j('person_times')}, 1))`, 'exchange', `${j('exchange_type')} = '跟岗培训'`);
    const students = sql(`COUNT(DISTINCT ${j('id_number')})`, 'student-aid');
    const aidCents = sql(`SUM(ROUND(${j('amount')} * 100))`, 'student-aid');
    // Only students back at school are 劝返 (no student of the fixture changes result between records).
    const persuaded = sql(
      `COUNT(DISTINCT ${j('id_number')})`,
      'dropout',
      `${j('return_result')} IN ('已复学', '随班就读')`,
    );
    const notReturned = sql(`COUNT(DISTINCT ${j('id_number')})`, 'dropout', `${j('return_result')} = '未劝返'`);
    const reports = sql('COUNT(*)', 'publicity');
    const countyPlus = sql('COUNT(*)', 'publicity', `${j('level')} IN ('县级', '市级', '省级', '国家级')`);
    const boughtCents = sql(`SUM(ROUND(${j('amount')} * 100))`, 'procurement');
    const poorCents = sql(`SUM(ROUND(${j('amount')} * 100))`, 'procurement', `${j('from_poor_area')} = '是'`);
    const sessions = sql('COUNT(*)', 'teacher-training');
    const trained = sql(`SUM(COALESCE(${j('headcount')}, 0))`, 'teacher-training');
    const problems = sql('COUNT(*)', 'rectification');
    const fixed = sql('COUNT(*)', 'rectification', `${j('status')} = '已完成'`);
    const text = docs.half!.doc.text;
    for (const phrase of [
      `支教${teaching}人次`,
      `挂职${secondment}人次`,
      `跟岗培训${shadowing}人次`,
      `受资助学生${students}人`,
      `发放学生资助资金${wan(aidCents)}元`,
      `劝返复学${persuaded}人`,
      `未劝返${notReturned}人`,
      `发布宣传报道${reports}条，其中县级以上${countyPlus}条`,
      `校农结合采购农产品${money(boughtCents)}元，其中向贫困地区采购${money(poorCents)}元、占${((poorCents / boughtCents) * 100).toFixed(1)}%`,
      `组织教师参加培训${sessions}期，参训教师${trained}人次`,
      `梳理整改问题${problems}项，其中已完成整改${fixed}项`,
      // A school answers for notice 02's per-semester publicity, not for the bureau's 支教 target.
      `县级以上宣传报道${countyPlus}条，达到“原则上每学期不少于1条县级以上（含县级）宣传报道”的要求`,
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('滨江教师支教建始累计');
  });

  it('lists the period’s activities with their dates', () => {
    const activities = fx.db
      .prepare(
        `SELECT record_date AS date, ${j('title')} AS title FROM records WHERE ledger_key = 'activity' AND unit_id = ? AND record_date BETWEEN ? AND ? ORDER BY record_date`,
      )
      .all(fx.unit.id, H1.from, H1.to) as Array<{ date: string; title: string }>;
    expect(activities.length).toBeGreaterThan(1);
    for (const a of activities) {
      const [, m, d] = a.date.split('-').map(Number);
      const title = a.title.replace(/“/g, '‘').replace(/”/g, '’');
      expect(docs.half!.doc.text).toMatch(new RegExp(`${m}月${d}日，[^。]*开展“${title}”`));
    }
  });

  it('writes no sentence about an empty ledger and no "0 人"', () => {
    for (const { doc } of Object.values(docs)) {
      expect(doc.text).not.toMatch(/(?<![\d.])0(?:人|人次|元|条|项|期|次|户次)/);
      expect(doc.text).not.toContain('结对帮扶活动');
      expect(doc.text).not.toContain('开展爱心捐赠');
      expect(doc.text).not.toContain('接受社会各界捐赠');
      expect(doc.text).not.toContain('走访帮扶户');
    }
  });

  it('drafts the monthly progress report in notice 04’s four sections', () => {
    const headings = bodyParagraphs(docs.monthly!.doc)
      .map((p) => p.text)
      .filter((t) => /^[一二三四]、/.test(t));
    expect(headings).toEqual(['一、工作进展情况', '二、典型经验做法', '三、存在的困难和问题', '四、对策建议']);
  });

  it('drafts an activity summary for one activity from its record', () => {
    const text = docs.povertyDay!.doc.text;
    expect(bodyParagraphs(docs.povertyDay!.doc)[0]!.text).toBe(`${fx.unit.name}“‘扶贫日’爱心义卖”总结`);
    expect(text).toContain(
      '2019年10月17日，建始县高坪镇中心小学在学校操场开展“‘扶贫日’爱心义卖”，参与320人，受益45人。',
    );
    expect(text).toContain('募集善款3200元，全部用于资助贫困学生。');
  });
});

describe('attachment tables', () => {
  it('lists the 附件 after the body and appends each as a table, 序号 first, the ledger’s labels as headers', () => {
    const { doc } = docs.half!;
    const labels = ['student-aid', 'procurement'].map((k) => getLedgerDefinition(fx.db, k));
    expect(doc.text).toContain(`附件：1. ${fx.unit.name}2019年上半年${labels[0]!.label}`);
    expect(doc.text).toContain(`2. ${fx.unit.name}2019年上半年${labels[1]!.label}`);
    const attachmentTables = doc.tables.slice(-2);
    labels.forEach((def, i) => {
      const rows = tableRows(attachmentTables[i]!);
      // The ledger's labels in its order, less the fields no record of the period fills (a Word page is narrow).
      const filled = def.fields.filter(
        (f) =>
          f.type !== 'attachments' && sql('COUNT(*)', def.key, `${j(f.key)} IS NOT NULL AND ${j(f.key)} <> ''`) > 0,
      );
      expect(filled.length).toBeLessThan(def.fields.length);
      expect(rows[0]).toEqual(['序号', ...filled.map((f) => f.label)]);
      const count = sql('COUNT(*)', def.key);
      // header + one row a record + 合计
      expect(rows).toHaveLength(count + 2);
      expect(rows.slice(1, -1).map((r) => r[0])).toEqual(Array.from({ length: count }, (_, n) => String(n + 1)));
      expect(rows.at(-1)![0]).toBe('合计');
    });
    const aidTotal = tableRows(attachmentTables[0]!).at(-1)!;
    const amountColumn = tableRows(attachmentTables[0]!)[0]!.indexOf('资助金额(元)');
    expect(aidTotal[amountColumn]).toBe((sql(`SUM(ROUND(${j('amount')} * 100))`, 'student-aid') / 100).toFixed(2));
    const attachmentSections = doc.sections.slice(1);
    expect(attachmentSections).toHaveLength(2);
    expect(attr(all([attachmentSections[0]!], 'w:pgSz')[0], 'w:orient')).toBe('landscape');
  });
});

describe('rendered by LibreOffice', () => {
  let pdfs: Record<string, { pages: number; text: string }>;

  beforeAll(() => {
    const profile = path.join(out, 'lo-profile');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        ...Object.values(docs).map((d) => d.file),
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    pdfs = {};
    for (const [name, { file }] of Object.entries(docs)) {
      const pdf = file.replace(/\.docx$/, '.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      pdfs[name] = {
        pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
        text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
      };
    }
  }, 240_000);

  it('lays out the pages the preview shows', () => {
    for (const [name, { previewPages }] of Object.entries(docs)) {
      expect(pdfs[name]!.pages, name).toBe(previewPages);
    }
    expect(pdfs.half!.pages).toBeGreaterThan(3);
  });

  it('prints every figure sentence of the document', () => {
    for (const [name, { doc }] of Object.entries(docs)) {
      for (const p of bodyParagraphs(doc).filter((q) => /\d/.test(q.text))) {
        expect(pdfs[name]!.text, p.text).toContain(p.text.replace(/\s+/g, ''));
      }
    }
  });
});
