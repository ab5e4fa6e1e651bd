import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../main/api.js';
import type { ApiOutput } from '../../shared/api.js';
import { runCli } from '../helpers/run-cli.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { sheetXml, workbookParts, zipParts } from './import-limits-fixtures.js';

/* What the import says about a sheet as wide as Excel allows and a formula saved without its result. */

let store: TempStore;
let ctx: ApiContext;
beforeEach(() => {
  store = tempStore();
  ctx = { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' };
});
afterEach(() => store.dispose());

const HEADER = ['序号', '对象', '时间', '人数', '责任股室'];
const WIDEST = 16_384;

function inline(text: string): string {
  return `<c t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A training plan whose header and first row go on to column XFD. */
function widestSheet(): Buffer {
  const extra = Array.from({ length: WIDEST - HEADER.length }, (_, i) => i);
  const header = [...HEADER.map(inline), ...extra.map((i) => inline(`备注${i + 1}`))].join('');
  const row = [...['1', '幼儿园园长', '3 月', '25', '人事股'].map(inline), ...extra.map(() => '<c><v>1</v></c>')].join(
    '',
  );
  return zipParts(workbookParts(sheetXml(`<row r="1">${header}</row><row r="2">${row}</row>`)));
}

describe('a sheet of 16,384 columns', () => {
  const line =
    'F 列“备注1”、G 列“备注2”、H 列“备注3”、I 列“备注4”、J 列“备注5”等 16,379 列没有对应的字段，其中的内容不导入就会丢失：请指定它们对应的字段，或明确选择不导入这些列';

  it('is one short line in the preview, naming the first columns and counting them all', async () => {
    const result = await dispatch(ctx, 'import.preview', {
      ledger: 'training-plan',
      fileName: '计划.xlsx',
      data: widestSheet().toString('base64'),
    });
    expect(result.ok).toBe(true);
    const value = (result as { value: ApiOutput<'import.preview'> }).value;
    expect(value.blocking).toEqual([line]);
    expect(JSON.stringify(value.warnings).length).toBeLessThan(1000);
  });

  it('is one short line from the CLI', async () => {
    const file = path.join(store.dir, '计划.xlsx');
    fs.writeFileSync(file, widestSheet());
    const run = await runCli(['import', 'xlsx', '--db', store.file, '--ledger', 'training-plan', '--in', file]);
    expect(run.code).toBe(1);
    expect(run.stderr.length).toBeLessThan(1000);
    expect(run.stderr).toContain(line);
  });
});

describe('a formula saved without its result', () => {
  const ACTIVITY = ['活动日期', '活动名称', '活动类型', '地点', '内容摘要'];
  const bytes = (formulaCell: string) =>
    zipParts(
      workbookParts(
        sheetXml(
          `<row r="1">${ACTIVITY.map(inline).join('')}</row>` +
            `<row r="2">${inline('2019-10-17')}${formulaCell}${['扶贫日', '高坪镇中心小学', '主题班会'].map(inline).join('')}</row>`,
        ),
      ),
    );
  const preview = async (formulaCell: string) => {
    const result = await dispatch(ctx, 'import.preview', {
      ledger: 'activity',
      fileName: '活动.xlsx',
      data: bytes(formulaCell).toString('base64'),
    });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as ApiOutput<'import.preview'>).rows.flatMap((r) => r.errors.map((e) => e.text));
  };

  // openpyxl and other programs that do not calculate write an empty <v> (or none) after <f>.
  it.each([
    ['an empty <v>', '<c r="B2"><f>CONCATENATE("扶贫","日")</f><v></v></c>'],
    ['<v/>', '<c r="B2"><f>CONCATENATE("扶贫","日")</f><v/></c>'],
    ['no <v>', '<c r="B2"><f>CONCATENATE("扶贫","日")</f></c>'],
  ])('with %s is named with its sheet, row and column, not as an empty required field', async (_, cell) => {
    expect(await preview(cell)).toEqual([
      '工作表“名单”第 2 行 B 列“活动名称”：单元格是公式 “=CONCATENATE("扶贫","日")”，但文件中没有保存计算结果；请先在 Excel 或 WPS 中打开并保存该文件，再导入',
    ]);
  });

  it('whose text result is truly empty (t="str") is an empty cell', async () => {
    expect(await preview('<c r="B2" t="str"><f>IF(A2="","","")</f><v></v></c>')).toEqual([
      expect.stringMatching(/^工作表“名单”第 2 行 B 列“活动名称”：.*必填/),
    ]);
  });
});
