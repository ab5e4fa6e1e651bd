import fs from 'node:fs';
import path from 'node:path';
import { readDocx } from './reports-docx-reader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../main/api.js';
import { SCHEMA_VERSION } from '../../main/store/database.js';
import { createRecord } from '../../main/store/records.js';
import type { ApiOutput } from '../../shared/api.js';
import type { ReportContent } from '../../shared/report-draft.js';
import { parsePeriod } from '../../shared/period.js';
import { reportFixture, type ReportFixture } from './reports-fixture.js';
import { openStore } from '../../main/store/index.js';
import { oldLedgerFile, versionBefore } from '../helpers/old-ledger.js';
import { tempDir } from '../helpers/temp-store.js';

const AID = {
  name: '李思远',
  gender: '男',
  id_number: '11010119900307803X',
  stage: '初中',
  family_type: '建档立卡',
  aid_item: '两免一补',
  amount: '1250',
  paid_on: '2019-03-20',
};

let fx: ReportFixture;
let ctx: ApiContext;
const H1 = parsePeriod('2019H1')!;
const HALF = { type: 'half-year-summary', period: '2019H1' };

beforeAll(() => {
  fx = reportFixture();
  ctx = { db: fx.db, dbFile: fx.file, operator: '测试员', transport: 'test' };
});
afterAll(() => fx.dispose());

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await dispatch(ctx, method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

type Draft = ApiOutput<'reports.draft'>;

function sqlTeaching(): number {
  return (
    fx.db
      .prepare(
        `SELECT SUM(COALESCE(json_extract(data, '$.person_times'), 1)) AS v FROM records
         WHERE ledger_key = 'exchange' AND unit_id = ? AND record_date BETWEEN ? AND ? AND json_extract(data, '$.exchange_type') = '支教'`,
      )
      .get(fx.unit.id, H1.from, H1.to) as { v: number }
  ).v;
}

/** The text of a preview, tags stripped. */
function previewText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '');
}

describe('a ledger from before report drafts', () => {
  it('gets the report tables when opened, and keeps a draft made on it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    oldLedgerFile(file, versionBefore('CREATE TABLE report_drafts'), [AID]);
    const db = openStore(file, { mustExist: true });
    try {
      const tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>
      ).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['report_drafts', 'report_templates']));
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const result = await dispatch({ db, dbFile: file, operator: '测试员', transport: 'test' }, 'reports.draft', HALF);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      const draft = result.value as Draft;
      expect(draft.id).not.toBeNull();
      expect(db.prepare('SELECT id FROM report_drafts').pluck().all()).toEqual([draft.id]);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('drafts', () => {
  it('are kept one per report type, period and unit', async () => {
    const first = await call<Draft>('reports.draft', HALF);
    const again = await call<Draft>('reports.draft', HALF);
    const otherPeriod = await call<Draft>('reports.draft', { ...HALF, period: '2019H2' });
    const otherUnit = await call<Draft>('reports.draft', { ...HALF, unitId: fx.other.id });
    const otherType = await call<Draft>('reports.draft', { ...HALF, type: 'monthly-progress' });
    expect(first.id).not.toBeNull();
    expect(again.id).toBe(first.id);
    expect(new Set([first.id, otherPeriod.id, otherUnit.id, otherType.id]).size).toBe(4);
    expect(first.unitName).toBe(fx.unit.name);
    expect(otherUnit.content.signatureUnit).toBe(fx.other.name);
    const stored = fx.db.prepare('SELECT COUNT(*) AS n FROM report_drafts').get() as { n: number };
    expect(stored.n).toBe(4);
  });

  it('save the text without counting the ledgers again: the answer is the stored text, no figures', async () => {
    const draft = await call<Draft>('reports.draft', HALF);
    const content: ReportContent = structuredClone(draft.content);
    content.blocks.push({ id: 'saved-only', type: 'paragraph', text: '只保存文字。' });
    const saved = await call<Record<string, unknown>>('reports.saveDraft', { ...HALF, content });
    expect(saved).toMatchObject({ id: draft.id, type: HALF.type, content });
    expect(saved).not.toHaveProperty('figures');
    expect(saved).not.toHaveProperty('targets');
    content.blocks.pop();
    await call('reports.saveDraft', { ...HALF, content });
  });

  it('regenerate their figures from the ledgers and keep the user’s prose as written', async () => {
    const draft = await call<Draft>('reports.draft', HALF);
    const content: ReportContent = structuredClone(draft.content);
    const index = content.blocks.findIndex((b) => b.type === 'paragraph' && b.text.includes('{{exchange.total}}'));
    content.blocks[index] = {
      id: content.blocks[index]!.id,
      type: 'paragraph',
      text: '今年我校共接收支教教师{{exchange.teaching}}人次，感谢滨江区的大力支持。',
    };
    content.blocks.push({ id: 'mine', type: 'paragraph', text: '我校将继续做好结对帮扶工作。' });
    content.title = '{{unit.name}}2019年上半年东西部扶贫协作工作总结';
    await call('reports.saveDraft', { ...HALF, content });
    const before = sqlTeaching();

    createRecord(
      fx.db,
      {
        ledger: 'exchange',
        values: {
          name: '吴老师',
          gender: '男',
          dispatch_unit: '滨江区',
          receive_unit: '高坪镇中心小学',
          exchange_type: '支教',
          start_date: '2019-06-03',
          person_times: 7,
        },
      },
      '测试员',
    );
    const after = sqlTeaching();
    expect(after).toBe(before + 7);

    const reopened = await call<Draft>('reports.draft', HALF);
    expect(reopened.content).toEqual(content);
    expect(reopened.figures.find((f) => f.key === 'exchange.teaching')!.value).toBe(after);
    const { html } = await call<ApiOutput<'reports.preview'>>('reports.preview', HALF);
    const text = previewText(html);
    expect(text).toContain(`今年我校共接收支教教师${after}人次，感谢滨江区的大力支持。`);
    expect(text).toContain('我校将继续做好结对帮扶工作。');
    expect(text).toContain(`${fx.unit.name}2019年上半年东西部扶贫协作工作总结`);
  });

  it('refuse a figure that does not exist, saying where it is', async () => {
    const draft = await call<Draft>('reports.draft', HALF);
    const content = structuredClone(draft.content);
    content.blocks.push({ id: 'typo', type: 'paragraph', text: '资助学生{{aid.studnets}}人。' });
    const error = await failure('reports.saveDraft', { ...HALF, content });
    expect(error.code).toBe('validation');
    expect(error.message).toContain(`第 ${content.blocks.length} 块（段落）`);
    expect(error.message).toContain('{{aid.studnets}}');
  });

  it('record every save in the audit log', () => {
    const rows = fx.db.prepare(`SELECT action FROM audit_log WHERE entity = 'report-draft'`).all() as Array<{
      action: string;
    }>;
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });
});

describe('tracing a figure', () => {
  it('lists the records a figure counts, oldest first, a page at a time', async () => {
    const expected = (
      fx.db
        .prepare(
          `SELECT id FROM records WHERE ledger_key = 'student-aid' AND unit_id = ? AND record_date BETWEEN ? AND ? ORDER BY record_date, id`,
        )
        .all(fx.unit.id, H1.from, H1.to) as Array<{ id: number }>
    ).map((r) => r.id);
    const first = await call<ApiOutput<'reports.figureRecords'>>('reports.figureRecords', {
      ...HALF,
      figure: 'aid.students',
      page: 1,
      pageSize: 25,
    });
    const second = await call<ApiOutput<'reports.figureRecords'>>('reports.figureRecords', {
      ...HALF,
      figure: 'aid.students',
      page: 2,
      pageSize: 25,
    });
    expect(first.total).toBe(expected.length);
    expect(first.rows).toHaveLength(25);
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(seen).toEqual(expected.slice(0, seen.length));
    expect(first.rows.every((r) => r.ledger === 'student-aid' && r.unitId === fx.unit.id)).toBe(true);
    expect(first.figure.recordCount).toBe(expected.length);
  });
});

describe('the .docx and the preview through the API', () => {
  it('returns the .docx as base64 that opens as a Word document', async () => {
    const result = await call<ApiOutput<'reports.docx'>>('reports.docx', { ...HALF, type: 'monthly-progress' });
    const bytes = Buffer.from(result.base64, 'base64');
    expect(bytes.length).toBe(result.size);
    const docx = await readDocx(bytes);
    expect(docx.paragraphs[0]!.text).toBe(`${fx.unit.name}2019年上半年教育扶贫工作进展情况`);
    expect(result.fileName).toBe(`${fx.unit.name}2019年上半年教育扶贫工作进展情况.docx`);
  });

  it('previews A4 pages in the 公文 fonts, sizes, indents and line pitch, unsaved edits included', async () => {
    const draft = await call<Draft>('reports.draft', { ...HALF, type: 'monthly-progress' });
    const content = structuredClone(draft.content);
    content.blocks.splice(1, 0, { id: 'edit', type: 'paragraph', text: '这是尚未保存的修改。' });
    const { html, pages } = await call<ApiOutput<'reports.preview'>>('reports.preview', {
      ...HALF,
      type: 'monthly-progress',
      content,
    });
    expect(pages).toBeGreaterThan(1);
    expect(html.match(/<section class="page/g)).toHaveLength(pages);
    for (const rule of [
      'width: 210mm',
      'height: 297mm',
      'padding: 37mm 26mm 35mm 28mm',
      'font-size: 16pt',
      'line-height: 28.9pt',
      'text-indent: 2em',
      'font-size: 22pt',
      '"仿宋_GB2312"',
      '"方正小标宋简体"',
      '"黑体"',
      '"楷体_GB2312"',
    ]) {
      expect(html).toContain(rule);
    }
    expect(previewText(html)).toContain('这是尚未保存的修改。');
    expect(previewText(html)).toContain('— 1 —');
    const saved = await call<Draft>('reports.draft', { ...HALF, type: 'monthly-progress' });
    expect(JSON.stringify(saved.content)).not.toContain('这是尚未保存的修改。');
  });
});

describe('report types', () => {
  const template = {
    key: 'aid-brief',
    label: '资助工作简报',
    title: '{{unit.name}}{{period.label}}学生资助工作简报',
    blocks: [
      { id: 'h', type: 'heading', level: 1, text: '资助情况' },
      { id: 'p', type: 'paragraph', text: '本期资助学生{{aid.students}}人，发放资金{{aid.amount}}元。' },
      {
        id: 't',
        type: 'figure-table',
        title: '资助数据',
        figures: ['aid.students', 'aid.amount', 'aid.needyStudents'],
      },
    ],
  };

  it('include the three built in and the ones users make, stored as data', async () => {
    await call('reports.saveType', { template });
    const { types, figures } = await call<ApiOutput<'reports.types'>>('reports.types', {});
    expect(types.filter((t) => t.builtin).map((t) => t.template.key)).toEqual([
      'half-year-summary',
      'monthly-progress',
      'activity-summary',
    ]);
    expect(types.find((t) => t.template.key === 'aid-brief')).toMatchObject({
      builtin: false,
      template: { label: '资助工作简报' },
    });
    expect(figures.map((f) => f.key)).toEqual(
      expect.arrayContaining(['aid.students', 'exchange.teaching', 'targets.progress']),
    );
    const stored = fx.db.prepare(`SELECT definition FROM report_templates WHERE key = 'aid-brief'`).get() as {
      definition: string;
    };
    expect(JSON.parse(stored.definition).blocks).toHaveLength(3);
  });

  it('draft a user-made report from the ledgers like a built-in one', async () => {
    const students = (
      fx.db
        .prepare(
          `SELECT COUNT(DISTINCT json_extract(data, '$.id_number')) AS v FROM records WHERE ledger_key = 'student-aid' AND unit_id = ? AND record_date BETWEEN ? AND ?`,
        )
        .get(fx.unit.id, H1.from, H1.to) as { v: number }
    ).v;
    const { html } = await call<ApiOutput<'reports.preview'>>('reports.preview', {
      type: 'aid-brief',
      period: '2019H1',
    });
    const text = previewText(html);
    expect(text).toContain(`${fx.unit.name}2019年上半年学生资助工作简报`);
    expect(text).toContain(`一、资助情况`);
    expect(text).toContain(`本期资助学生${students}人`);
  });

  it('refuse to replace a built-in type or to name a figure that does not exist', async () => {
    expect((await failure('reports.saveType', { template: { ...template, key: 'half-year-summary' } })).code).toBe(
      'conflict',
    );
    const bad = { ...template, key: 'bad', blocks: [{ id: 'p', type: 'paragraph', text: '{{nothing.here}}' }] };
    expect((await failure('reports.saveType', { template: bad })).message).toContain('{{nothing.here}}');
  });

  it('can be deleted when user-made', async () => {
    await call('reports.deleteType', { key: 'aid-brief' });
    const { types } = await call<ApiOutput<'reports.types'>>('reports.types', {});
    expect(types.map((t) => t.template.key)).not.toContain('aid-brief');
    expect((await failure('reports.draft', { type: 'aid-brief', period: '2019H1' })).message).toContain(
      '报告类型“aid-brief”不存在',
    );
  });
});

describe('activity summaries', () => {
  it('refuse an activity outside the period, or on a report type about a whole period', async () => {
    const outside = await failure('reports.draft', {
      type: 'activity-summary',
      period: '2019H1',
      activityId: fx.povertyDayId,
    });
    expect(outside.message).toContain('不在期间');
    const wrongType = await failure('reports.draft', { ...HALF, activityId: fx.povertyDayId });
    expect(wrongType.message).toContain('不能指定单次活动');
  });

  it('keep one draft per activity', async () => {
    const one = await call<Draft>('reports.draft', {
      type: 'activity-summary',
      period: '2019H2',
      activityId: fx.povertyDayId,
    });
    const all = await call<Draft>('reports.draft', { type: 'activity-summary', period: '2019H2' });
    expect(one.id).not.toBe(all.id);
    expect(one.activityId).toBe(fx.povertyDayId);
    expect(one.content.title).toContain('{{subject.quotedTitle}}');
  });
});

describe('a section the notice requires, with nothing in the ledgers for it', () => {
  // The other unit has one 支教 record in March and nothing else: three of notice 04's four sections are empty.
  const MARCH = () => ({ type: 'monthly-progress', period: '2019-03', unitId: fx.other.id });

  it('shows a marked prompt in the preview, and the Word file is refused until it is written', async () => {
    const { html } = await call<ApiOutput<'reports.preview'>>('reports.preview', MARCH());
    const text = previewText(html);
    expect(text).toContain('【待补充】请填写本期工作中的典型做法和经验');
    const refused = await failure('reports.docx', MARCH());
    expect(refused.code).toBe('validation');
    expect(refused.message).toBe(
      '报告中“二、典型经验做法”“三、存在的困难和问题”“四、对策建议”部分尚待补充：本期台账中没有可写入的内容，请填写或删除提示段落后再导出',
    );

    const draft = await call<Draft>('reports.draft', MARCH());
    const content = structuredClone(draft.content);
    const prompts = content.blocks.filter((b) => b.type === 'paragraph' && b.required);
    expect(prompts.map((b) => (b.type === 'paragraph' ? b.hint : ''))).toEqual([
      '请填写本期工作进展情况',
      '请填写本期工作中的典型做法和经验',
      '请补充工作中遇到的困难和问题',
      '请填写对策建议',
    ]);
    const written = ['', '滨江教师送教到校，示范课带动本校教研。', '音体美教师缺编。'];
    content.blocks = content.blocks
      .map((b) => {
        const at = prompts.indexOf(b);
        return at >= 1 && at <= 2 && b.type === 'paragraph' ? { ...b, text: written[at]! } : b;
      })
      // The last prompt is removed instead of written: that too lets the report go out.
      .filter((b) => b !== prompts[3]);
    await call('reports.saveDraft', { ...MARCH(), content });
    const docx = await call<ApiOutput<'reports.docx'>>('reports.docx', MARCH());
    const doc = await readDocx(Buffer.from(docx.base64, 'base64'));
    expect(doc.text).toContain('滨江教师送教到校，示范课带动本校教研。');
    expect(doc.text).toContain('音体美教师缺编。');
    expect(doc.text).not.toContain('【待补充】');
    expect(doc.text).not.toContain('对策建议');
  });
});
