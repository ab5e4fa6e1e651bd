import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftDocx, draftPreview, loadDraft, saveDraft } from '../../main/reports/report-service.js';
import {
  attachmentCellPt,
  CELL_MARGIN,
  cellLines,
  columnWidths,
  printedCell,
} from '../../main/reports/table-layout.js';
import { LANDSCAPE_TEXT_WIDTH_PT } from '../../main/reports/gbt9704.js';
import { createUnit } from '../../main/store/units.js';
import { ReportContentSchema, type ReportContent } from '../../shared/report-draft.js';
import { todayIso } from '../../shared/dates.js';
import { reportFixture, type ReportFixture } from './reports-fixture.js';
import { all, attr, first, readDocx, tableRows, type DocxContents, type ParagraphInfo } from './reports-docx-reader.js';

/**
 * The 公文 conventions of GB/T 9704-2012 that a clerk checks before signing: 主送机关, 附件说明,
 * the signature with and without a seal, attachments on pages of their own, tables that do not
 * leave a row alone, and a font table that lets Word stand in sensible fonts.
 */

let fx: ReportFixture;
const REF = { type: 'monthly-progress', period: '2019H1' } as const;
let plain: DocxContents;
let sealed: DocxContents;
let plainPreview: string;
let sealedPreview: string;
/** The .docx files and the page counts of their previews, for LibreOffice to lay out. */
const files: Array<{ file: string; previewPages: number }> = [];

/** Width in characters as a 公文 line sets it: ASCII half a character, the rest one. */
const ems = (text: string) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! < 0x2000 ? 0.5 : 1), 0);
const CHAR = 320;

function content(edit: Partial<ReportContent>): ReportContent {
  return {
    ...loadDraft(fx.db, REF).content,
    attachments: [
      { ledger: 'student-aid', title: '' },
      { ledger: 'procurement', title: '' },
    ],
    signatureDate: '2019-12-25',
    ...edit,
  };
}

beforeAll(async () => {
  fx = reportFixture();
  const sealedContent = content({ sealed: true, addressee: '县教育局扶贫办:' });
  for (const [name, edit] of [
    ['plain', content({})],
    ['sealed', sealedContent],
  ] as const) {
    const { bytes } = await draftDocx(fx.db, REF, edit);
    const file = path.join(fx.dir, `${name}.docx`);
    fs.writeFileSync(file, bytes);
    const preview = draftPreview(fx.db, REF, edit);
    files.push({ file, previewPages: preview.pages });
    if (name === 'plain') [plain, plainPreview] = [await readDocx(bytes), preview.html];
    else [sealed, sealedPreview] = [await readDocx(bytes), preview.html];
  }
});

afterAll(() => fx.dispose());

const mainParagraphs = (doc: DocxContents) => doc.paragraphs.filter((p) => !p.inTable && p.section === 0);
const fontsOf = (p: ParagraphInfo) => [...new Set(p.runs.filter((r) => r.text).map((r) => r.eastAsia))];
const sizesOf = (p: ParagraphInfo) => [...new Set(p.runs.filter((r) => r.text).map((r) => r.size))];
/** Whether a paragraph keeps with the next: a w:keepNext that is not switched off. */
function keepNextOf(p: Parameters<typeof first>[0]): boolean {
  const pPr = first(p, 'w:pPr');
  const keep = pPr ? first(pPr, 'w:keepNext') : undefined;
  return keep !== undefined && !['false', '0', 'off'].includes(attr(keep, 'w:val') ?? 'true');
}
const keepsNext = (p: ParagraphInfo) => keepNextOf(p.node);

/** The 附件 list, the signature and what stands between them: the end of the main text. */
function tail(doc: DocxContents) {
  const paragraphs = mainParagraphs(doc);
  const notesAt = paragraphs.findIndex((p) => p.text.startsWith('附件：'));
  return { paragraphs, notesAt };
}

describe('a new draft', () => {
  it('is dated today and is addressed as notice 02 routes the report', () => {
    const bureau = createUnit(fx.db, '建始县教育局', '测试员');
    const school = loadDraft(fx.db, { type: 'monthly-progress', period: '2019-04' }).content;
    expect(school.signatureDate).toBe(todayIso());
    expect(school.sealed).toBe(false);
    expect(school.addressee).toBe('县教育局扶贫办');
    const county = loadDraft(fx.db, { type: 'monthly-progress', period: '2019-04', unitId: bureau.id }).content;
    expect(county.addressee).toBe('县扶贫办、杭州市滨江区教育局');
    // Notice 02 routes 建始's reports only: elsewhere the draft starts with none rather than a wrong one.
    const guiyang = createUnit(fx.db, '贵阳市第一中学', '测试员');
    expect(
      loadDraft(fx.db, { type: 'monthly-progress', period: '2019-04', unitId: guiyang.id }).content.addressee,
    ).toBe('');
    expect(loadDraft(fx.db, { type: 'activity-summary', period: '2019-10' }).content.addressee).toBe('');
  });

  it('refuses a 成文日期 that is not a day of the calendar, in Chinese', () => {
    const result = ReportContentSchema.safeParse({ ...content({}), signatureDate: '2019-02-30' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/^成文日期/);
    expect(ReportContentSchema.safeParse({ ...content({}), signatureDate: '2020-02-29' }).success).toBe(true);
  });

  it('saved before a draft could be sealed still opens, unsealed', () => {
    const ref = { type: 'half-year-summary', period: '2019H1' };
    saveDraft(fx.db, ref, { ...loadDraft(fx.db, ref).content, signatureDate: '2019-07-05' }, '测试员');
    const row = fx.db.prepare('SELECT id, content FROM report_drafts WHERE report_type = ?').get(ref.type) as {
      id: number;
      content: string;
    };
    const old = JSON.parse(row.content) as Record<string, unknown>;
    delete old.sealed;
    fx.db.prepare('UPDATE report_drafts SET content = ? WHERE id = ?').run(JSON.stringify(old), row.id);
    const reopened = loadDraft(fx.db, ref).content;
    expect(reopened.sealed).toBe(false);
    expect(reopened.signatureDate).toBe('2019-07-05');
    // A date no calendar has, saved before dates were checked: the draft opens on the day it was saved.
    fx.db
      .prepare("UPDATE report_drafts SET content = ?, updated_at = '2019-07-08T02:00:00.000Z' WHERE id = ?")
      .run(JSON.stringify({ ...old, signatureDate: '2019-02-30' }), row.id);
    const repaired = loadDraft(fx.db, ref).content;
    expect(repaired.signatureDate).toBe('2019-07-08');
    expect(repaired.blocks).toEqual(reopened.blocks);
  });
});

describe('主送机关 (GB/T 9704-2012 7.3.2)', () => {
  it('stands below the empty line under the title, flush left in 3号仿宋, ending with a full-width colon', () => {
    for (const [doc, text] of [
      [plain, '县教育局扶贫办：'],
      [sealed, '县教育局扶贫办：'],
    ] as const) {
      const [title, blank, addressee] = mainParagraphs(doc);
      expect(title!.align).toBe('center');
      expect(blank!.text).toBe('');
      expect(addressee!.text).toBe(text);
      expect(addressee!.firstLine).toBeUndefined();
      expect(addressee!.left).toBeUndefined();
      expect(addressee!.align).toBe('left');
      expect(fontsOf(addressee!)).toEqual(['仿宋_GB2312']);
      expect(sizesOf(addressee!)).toEqual(['32']);
    }
  });

  it('is left out when the draft has none', async () => {
    const doc = await readDocx((await draftDocx(fx.db, REF, content({ addressee: '  ' }))).bytes);
    const [, blank, next] = mainParagraphs(doc);
    expect(blank!.text).toBe('');
    // The body starts at once, indented two characters.
    expect(next!.firstLine).toBe(String(2 * CHAR));
    expect(doc.text).not.toContain('县教育局扶贫办');
  });
});

describe('附件说明 (7.3.4)', () => {
  it('follows the body after an empty line, numbered, wrapped names in line with the first name', () => {
    const { paragraphs, notesAt } = tail(plain);
    const titles = ['学生资助台账', '校农结合采购台账'].map((label) => `${fx.unit.name}2019年上半年${label}`);
    expect(paragraphs[notesAt - 1]!.text).toBe('');
    expect(paragraphs[notesAt]!.text).toBe(`附件：1. ${titles[0]}`);
    expect(paragraphs[notesAt + 1]!.text).toBe(`2. ${titles[1]}`);
    // Two characters in; "附件：" is three and "1. " one and a half: names start 6½ characters in.
    expect(Number(paragraphs[notesAt]!.left)).toBe(6.5 * CHAR);
    expect(Number(paragraphs[notesAt]!.hanging)).toBe(4.5 * CHAR);
    expect(Number(paragraphs[notesAt + 1]!.left)).toBe(6.5 * CHAR);
    expect(Number(paragraphs[notesAt + 1]!.hanging)).toBe(1.5 * CHAR);
    expect(paragraphs[notesAt + 2]!.text).toBe('');
  });

  it('names each attachment as the page that starts it is headed: 附件N in 3号黑体 on line 1, its title on line 3', () => {
    const { paragraphs, notesAt } = tail(plain);
    const titles = [paragraphs[notesAt]!.text.replace(/^附件：1\. /, ''), paragraphs[notesAt + 1]!.text.slice(3)];
    expect(plain.sections).toHaveLength(3);
    titles.forEach((title, i) => {
      const section = plain.sections[i + 1]!;
      expect(attr(all([section], 'w:type')[0], 'w:val')).toBe('nextPage');
      const [label, blank, heading] = plain.paragraphs.filter((p) => !p.inTable && p.section === i + 1);
      expect(label!.text).toBe(`附件${i + 1}`);
      expect(fontsOf(label!)).toEqual(['黑体']);
      expect(sizesOf(label!)).toEqual(['32']);
      expect(label!.align).toBe('left');
      expect(label!.firstLine).toBeUndefined();
      expect(blank!.text).toBe('');
      expect(heading!.text).toBe(title);
      expect(heading!.align).toBe('center');
      expect(fontsOf(heading!)).toEqual(['方正小标宋简体']);
    });
  });
});

describe('发文机关署名 and 成文日期 (7.3.5)', () => {
  it('without a seal: one empty line, the unit two characters in, the date starting two characters right of it', () => {
    const { paragraphs } = tail(plain);
    const [blank, unit, date] = paragraphs.slice(-3);
    expect(blank!.text).toBe('');
    expect(paragraphs.at(-4)!.text).not.toBe('');
    expect(unit!.text).toBe(fx.unit.name);
    expect(date!.text).toBe('2019年12月25日');
    expect([unit!.align, date!.align]).toEqual(['right', 'right']);
    expect(Number(unit!.right)).toBe(2 * CHAR);
    const unitStart = Number(unit!.right) + ems(unit!.text) * CHAR;
    const dateStart = Number(date!.right) + ems(date!.text) * CHAR;
    expect(unitStart - dateStart).toBe(2 * CHAR);
  });

  it('sealed: two empty lines for the seal, the date four characters in, the unit centred above it', () => {
    const { paragraphs } = tail(sealed);
    const [blank1, blank2, unit, date] = paragraphs.slice(-4);
    expect([blank1!.text, blank2!.text]).toEqual(['', '']);
    expect(paragraphs.at(-5)!.text).not.toBe('');
    expect(date!.text).toBe('2019年12月25日');
    expect(Number(date!.right)).toBe(4 * CHAR);
    const centre = (p: ParagraphInfo) => Number(p.right) + (ems(p.text) * CHAR) / 2;
    expect(centre(unit!)).toBe(centre(date!));
    expect(Number(unit!.right)).not.toBe(Number(date!.right));
  });

  it('keeps the last paragraph, the 附件 list and the signature together', () => {
    const { paragraphs, notesAt } = tail(sealed);
    for (const p of paragraphs.slice(notesAt - 2, -1)) expect(keepsNext(p), p.text).toBe(true);
    expect(keepsNext(paragraphs.at(-1)!)).toBe(false);
  });
});

describe('tables', () => {
  it('never split a row, repeat the header row, and carry no notes for the archivist', () => {
    expect(plain.tables.length).toBeGreaterThanOrEqual(2);
    for (const table of plain.tables) {
      const rows = all([table], 'w:tr');
      expect(first(rows[0]!, 'w:tblHeader')).toBeDefined();
      for (const row of rows) expect(first(row, 'w:cantSplit')).toBeDefined();
      for (const cells of tableRows(table)) for (const cell of cells) expect(cell).not.toMatch(/（按/);
    }
  });

  it('keep a short table whole, and a long one’s header with its first row and its last row with the one before', () => {
    const keeps = (table: (typeof plain.tables)[number]) =>
      all([table], 'w:tr').map((row) => {
        const paragraphs = all([row], 'w:p').map(keepNextOf);
        // Word keeps a row with the next when its paragraphs keep with the next: all of them, or none.
        expect(new Set(paragraphs).size).toBe(1);
        return paragraphs[0]!;
      });
    const [aid, procurement] = plain.tables.slice(-2).map(keeps);
    // 60 payments in 2019H1: longer than a page.
    expect(aid!.length).toBeGreaterThan(40);
    expect(aid!.flatMap((k, i) => (k ? [i] : []))).toEqual([0, aid!.length - 2]);
    // 4 purchases, a header and a 合计 row.
    expect(procurement).toEqual([true, true, true, true, true, false]);
  });

  it('keep ID numbers, dates and numbers on one line; columns of words give way, the longest most', () => {
    const headers = [
      '序号',
      '姓名',
      '性别',
      '身份证号',
      '派出单位',
      '接收单位',
      '交流类型',
      '开始日期',
      '结束日期',
      '人次',
      '内容',
      '备注',
    ];
    const row = (n: number) => [
      String(n),
      '姜海志',
      '女',
      '65312920150519295X',
      '杭州市滨江区闻涛小学',
      '建始县业州镇第一小学',
      '支教',
      '2019-04-01',
      '2019-04-06',
      String(n),
      '到建始县业州镇第一小学支教，承担小学科学教学，上示范课并参加教研活动',
      n % 3 ? '' : '2019年跟岗培训计划',
    ];
    const rows = Array.from({ length: 30 }, (_, i) => row(i + 1));
    const sizePt = attachmentCellPt(headers.length, true);
    const widths = columnWidths(headers, rows, LANDSCAPE_TEXT_WIDTH_PT, sizePt);
    const inner = (c: number) => (widths[c]! - (2 * CELL_MARGIN.side) / 20) / sizePt;
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(LANDSCAPE_TEXT_WIDTH_PT, 6);
    for (const label of ['身份证号', '开始日期', '结束日期', '人次']) {
      const c = headers.indexOf(label);
      for (const r of rows) expect(cellLines(r[c]!, inner(c)), label).toBe(1);
    }
    const [content, sender, kind] = ['内容', '派出单位', '交流类型'].map((l) => widths[headers.indexOf(l)]!);
    expect(content).toBeGreaterThan(sender! * 1.5);
    expect(sender).toBeGreaterThan(kind!);
  });

  it('print a figure’s name without how it is counted', () => {
    expect(printedCell('资助学生（按身份证号去重）')).toBe('资助学生');
    expect(printedCell('资助金额(元)')).toBe('资助金额(元)');
  });
});

describe('the 28-character line', () => {
  it('sets digits as half a character: Word’s extra space between Chinese and numbers is off in every paragraph', () => {
    // Only the empty paragraphs Word ends a section with carry no text to space.
    const withText = plain.paragraphs.filter((p) => p.runs.length > 0);
    expect(withText.length).toBeGreaterThan(plain.paragraphs.length - plain.sections.length);
    for (const p of withText) {
      const pPr = first(p.node, 'w:pPr');
      const auto = pPr ? first(pPr, 'w:autoSpaceDN') : undefined;
      expect(attr(auto, 'w:val'), p.text).toMatch(/^(false|0|off)$/);
    }
  });
});

describe('word/fontTable.xml', () => {
  it('declares the 公文 fonts with alternates Word can stand in, and every font a run names', async () => {
    const fonts = all(await plain.part('word/fontTable.xml'), 'w:font');
    const declared = new Map(
      fonts.map((f) => [
        attr(f, 'w:name')!,
        {
          altName: attr(first(f, 'w:altName'), 'w:val'),
          charset: attr(first(f, 'w:charset'), 'w:val'),
          family: attr(first(f, 'w:family'), 'w:val'),
          panose: attr(first(f, 'w:panose1'), 'w:val'),
        },
      ]),
    );
    const expected: Record<string, string> = {
      仿宋_GB2312: '仿宋',
      方正小标宋简体: '宋体',
      黑体: 'SimHei',
      楷体_GB2312: '楷体',
      仿宋: 'FangSong',
      楷体: 'KaiTi',
      宋体: 'SimSun',
    };
    for (const [name, altName] of Object.entries(expected)) {
      const font = declared.get(name);
      expect(font, name).toBeDefined();
      expect(font!.altName).toBe(altName);
      expect(font!.charset).toBe('86');
      expect(font!.family).toMatch(/^(modern|roman|auto|swiss)$/);
      expect(font!.panose).toMatch(/^[0-9A-F]{20}$/);
    }
    const named = new Set(plain.paragraphs.flatMap((p) => p.runs.map((r) => r.eastAsia)));
    for (const name of named) expect(declared.has(name!), name).toBe(true);
  });
});

describe('the preview', () => {
  /** The text and right padding of each paragraph after the 附件 list. */
  function previewTail(html: string): Array<{ text: string; padding: string | undefined }> {
    const paragraphs = [...html.matchAll(/<p class="([^"]*)"(?: style="([^"]*)")?>(.*?)<\/p>/g)].map((m) => ({
      text: m[3]!.replace(/<[^>]+>|&#8203;/g, ''),
      style: m[2] ?? '',
    }));
    const from = paragraphs.findIndex((p) => p.text.startsWith('附件：'));
    return paragraphs
      .slice(from + 2)
      .filter((_, i, list) => i < list.findIndex((p) => /^附件\d$/.test(p.text)))
      .map((p) => ({ text: p.text, padding: /padding-right:([\d.]+em)/.exec(p.style)?.[1] }));
  }

  it('shows the 主送机关, the 附件 list, the signature and the date the .docx has', () => {
    for (const html of [plainPreview, sealedPreview]) {
      expect(html).toContain('>县教育局扶贫办：<');
      expect(html).toContain(`附件：1. ${fx.unit.name}2019年上半年学生资助台账`);
    }
    expect(previewTail(plainPreview)).toEqual([
      { text: '', padding: undefined },
      { text: fx.unit.name, padding: '2em' },
      { text: '2019年12月25日', padding: '3em' },
    ]);
    expect(previewTail(sealedPreview)).toEqual([
      { text: '', padding: undefined },
      { text: '', padding: undefined },
      { text: fx.unit.name, padding: '2.5em' },
      { text: '2019年12月25日', padding: '4em' },
    ]);
  });
});

describe('rendered by LibreOffice', () => {
  it('takes the pages the preview shows, sealed or not, long tables and all', () => {
    const profile = path.join(fx.dir, 'lo-profile');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        fx.dir,
        ...files.map((f) => f.file),
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    for (const { file, previewPages } of files) {
      const info = execFileSync('pdfinfo', [file.replace(/\.docx$/, '.pdf')], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1]), path.basename(file)).toBe(previewPages);
    }
  }, 240_000);
});
