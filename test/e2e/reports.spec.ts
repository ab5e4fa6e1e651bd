import fs from 'node:fs';
import { test, expect } from './fixtures/ledger.js';
import {
  allRecords,
  choosePeriod,
  docxParagraphs,
  editorMode,
  figuresShown,
  openReport,
  paragraphStarting,
  promptParagraph,
  templateStarting,
  previewBody,
  previewFrame,
} from './fixtures/reports.js';
import { openLedger, tableRows } from './fixtures/ui.js';
import { TOKEN_STORAGE_KEY } from '../../renderer/src/session-token.js';

const SHOTS = '/tmp/ui-shots';
const UNIT = '建始县高坪镇中心小学';
const TITLE_2019H1 = `${UNIT}2019年上半年教育扶贫工作总结`;
/** 级别 values counted as 县级以上宣传报道. */
const COUNTY_OR_ABOVE = ['县级', '市级', '省级', '国家级'];
/** A count or amount of nothing: "0人", "0 条", "0元" … as a sentence would state it. */
const ZERO_FIGURE = /(?<![\d.])0\s*(?:人次|人|条|次|元|项|期|户次|批次)/;

test.use({ ledgerSetup: { unit: UNIT, demoRows: 500 }, viewport: { width: 1360, height: 860 } });
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** Money as a report states it: 万 with two decimals from 10,000 元, else whole 元 or to the fen. */
function money(total: number): string {
  const cents = Math.round(total * 100);
  if (cents >= 1_000_000) return `${(cents / 1_000_000).toFixed(2)}万`;
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** The half-year summary's sentence on who was aided, under 基本情况. */
const AID_BASICS = /^我校学生资助台账本期共登记受资助学生\d+人(（累计\d+人次）)?，其中建档立卡家庭学生\d+人。$/;

test('the 2019H1 half-year summary states figures that are those of the ledgers for the period', async ({
  page,
  ledger,
}) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  await expect(previewFrame(page).locator('p.title')).toHaveText(TITLE_2019H1);
  const aidSentence = previewBody(page).filter({ hasText: /^我校学生资助台账/ });
  await expect(aidSentence).toHaveText(AID_BASICS);
  await page.screenshot({ path: `${SHOTS}/reports-draft.png`, animations: 'disabled' });

  // Each figure in the preview is the API's value for the period …
  const shown = await figuresShown(page);
  const draft = await ledger.call('reports.draft', { type: 'half-year-summary', period: '2019H1' });
  const byKey = new Map(draft.figures.map((f) => [f.key, f]));
  expect(shown.length).toBeGreaterThan(20);
  for (const [key, text] of shown) {
    expect(byKey.has(key), key).toBe(true);
    expect(text, key).toBe(byKey.get(key)!.text);
  }
  const value = (key: string) => {
    const texts = new Set(shown.filter(([k]) => k === key).map(([, t]) => t));
    expect(texts.size, `${key} is shown once or always the same`).toBe(1);
    return [...texts][0]!;
  };

  // … and the one recounted here from the records themselves.
  const aid = await allRecords(page, 'student-aid', '2019H1');
  expect(aid.length).toBeGreaterThan(50);
  expect(aid.every((r) => r.recordDate >= '2019-01-01' && r.recordDate <= '2019-06-30')).toBe(true);
  const students = new Set(aid.map((r) => r.values.id_number)).size;
  expect(value('aid.reach')).toBe(students === aid.length ? `${students}人` : `${students}人（累计${aid.length}人次）`);
  expect(value('aid.amount')).toBe(money(aid.reduce((sum, r) => sum + Number(r.values.amount), 0)));
  await expect(aidSentence).toContainText(`受资助学生${value('aid.reach')}`);

  const publicity = await allRecords(page, 'publicity', '2019H1');
  expect(value('publicity.total')).toBe(String(publicity.length));
  const countyPlus = publicity.filter((r) => COUNTY_OR_ABOVE.includes(String(r.values.level)));
  expect(value('publicity.countyPlus')).toBe(String(countyPlus.length));

  const exchange = await allRecords(page, 'exchange', '2019H1');
  const teaching = exchange.filter((r) => r.values.exchange_type === '支教');
  expect(value('exchange.teaching')).toBe(String(teaching.reduce((n, r) => n + Number(r.values.person_times ?? 1), 0)));

  const training = await allRecords(page, 'teacher-training', '2019H1');
  expect(value('training.sessions')).toBe(String(training.length));

  // Nothing was given away in 2019H1 and no rectification is still open: those sentences are left out.
  const donations = await allRecords(page, 'donation', '2019H1');
  expect(donations.filter((r) => r.values.direction === '捐出')).toHaveLength(0);
  await expect(previewFrame(page).locator('body')).not.toContainText('开展爱心捐赠');
  await expect(previewFrame(page).locator('body')).not.toHaveText(ZERO_FIGURE);
});

test('a figure opens the records it counts, as many as the figure says', async ({ page, ledger }) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  const publicity = await allRecords(page, 'publicity', '2019H1');
  const countyPlus = publicity.filter((r) => COUNTY_OR_ABOVE.includes(String(r.values.level)));
  expect(countyPlus.length).toBeGreaterThan(1);

  // Clicked where it stands in the preview.
  const figure = previewFrame(page).locator('[data-figure="publicity.countyPlus"]').first();
  await expect(figure).toHaveText(String(countyPlus.length));
  await figure.click();
  const drawer = page.getByRole('dialog', { name: `县级以上宣传报道：${countyPlus.length}条` });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(`本期计入这项数据的记录共 ${countyPlus.length} 条`);
  const rows = drawer.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(countyPlus.length);
  const header = await drawer.locator('.ant-table-thead th').allTextContents();
  const levelColumn = header.indexOf('级别');
  const titleColumn = header.indexOf('标题');
  expect(levelColumn).toBeGreaterThan(0);
  const levels = await rows.locator(`td:nth-child(${levelColumn + 1})`).allTextContents();
  expect(levels.every((level) => COUNTY_OR_ABOVE.includes(level))).toBe(true);
  const titles = await rows.locator(`td:nth-child(${titleColumn + 1})`).allTextContents();
  expect(titles.sort()).toEqual(countyPlus.map((r) => String(r.values.title)).sort());
  await page.screenshot({ path: `${SHOTS}/reports-figure-records.png`, animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // And from the list of the period's figures: the students aided, from every aid record of the period.
  const aid = await allRecords(page, 'student-aid', '2019H1');
  await page.getByRole('tab', { name: /^本期数据/ }).click();
  const studentsButton = page.getByRole('button', { name: /^受资助学生 \d+人$/ });
  await expect(studentsButton).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/reports-figures.png`, animations: 'disabled' });
  await studentsButton.click();
  const students = new Set(aid.map((r) => r.values.id_number)).size;
  const aidDrawer = page.getByRole('dialog', { name: `受资助学生：${students}人` });
  await expect(aidDrawer).toContainText(`本期计入这项数据的记录共 ${aid.length} 条`);
  await expect(aidDrawer.locator('.ant-pagination-total-text')).toHaveText(`共 ${aid.length} 条`);
  // The total shows before the page's rows arrive.
  await expect(aidDrawer.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(Math.min(20, aid.length));
});

test('edited prose is kept through a save, a reload and a recount of the figures', async ({ page, ledger }) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  await editorMode(page, '模板');
  const original = await (await templateStarting(page, '发布宣传报道{{publicity.total}}条')).inputValue();
  await editorMode(page, '正文');
  // Typed at the start of the sentence, before its figures, as printed.
  const publicityBox = await paragraphStarting(page, '发布宣传报道');
  await publicityBox.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('宣传工作稳步推进，');
  const problems = promptParagraph(page, '请补充工作中遇到的困难和问题');
  await problems.fill('部分村小音体美教师缺编，课程开设不足。');
  // Saved without being asked.
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('已保存');
  await expect(page.getByRole('button', { name: '草稿已保存' })).toBeDisabled();

  await page.reload();
  // The page comes back to the report last worked on.
  await expect(page.getByLabel('期间', { exact: true })).toHaveValue('2019H1');
  await expect(problems).toHaveText('部分村小音体美教师缺编，课程开设不足。');
  const publicitySentence = previewBody(page).filter({ hasText: '宣传工作稳步推进' });
  const publicity = await allRecords(page, 'publicity', '2019H1');
  const countyPlus = publicity.filter((r) => COUNTY_OR_ABOVE.includes(String(r.values.level))).length;
  await expect(publicitySentence).toHaveText(
    `宣传工作稳步推进，发布宣传报道${publicity.length}条，其中县级以上${countyPlus}条。`,
  );
  await expect(previewBody(page).filter({ hasText: '部分村小音体美教师缺编' })).toHaveCount(1);

  // An edit; then another report is published and the figures are counted again.
  await problems.fill('部分村小音体美教师缺编，课程开设不足；寄宿制学校生活教师不足。');
  await expect(previewBody(page).filter({ hasText: '寄宿制学校生活教师不足' })).toHaveCount(1);
  const totalChip = (await paragraphStarting(page, '宣传工作稳步推进，')).locator('[data-figure="publicity.total"]');
  await expect(totalChip).toHaveText(String(publicity.length));
  await ledger.call('records.create', {
    ledger: 'publicity',
    values: { title: '建始县高坪镇送教下乡活动侧记', media: '恩施日报', level: '市级', publish_date: '2019-06-20' },
  });
  await expect(publicitySentence).toContainText(`发布宣传报道${publicity.length}条`);
  await page.getByRole('button', { name: '重新统计' }).click();
  await expect(totalChip).toHaveText(String(publicity.length + 1));
  await expect(publicitySentence).toHaveText(
    `宣传工作稳步推进，发布宣传报道${publicity.length + 1}条，其中县级以上${countyPlus + 1}条。`,
  );
  await expect(problems).toHaveText('部分村小音体美教师缺编，课程开设不足；寄宿制学校生活教师不足。');
  await expect(await paragraphStarting(page, '宣传工作稳步推进，')).toHaveText(
    `宣传工作稳步推进，发布宣传报道${publicity.length + 1}条，其中县级以上${countyPlus + 1}条。`,
  );
  await editorMode(page, '模板');
  await expect(await templateStarting(page, '宣传工作稳步推进，')).toHaveValue(`宣传工作稳步推进，${original}`);
  await expect(previewBody(page).filter({ hasText: '寄宿制学校生活教师不足' })).toHaveCount(1);
});

test('下载 Word gives a .docx with the title and the edited prose', async ({ page, ledger }) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  await expect(previewFrame(page).locator('p.title')).toHaveText(TITLE_2019H1);
  const plans = promptParagraph(page, '请补充下一步工作打算');
  await plans.fill('下学期继续开展“送教下乡”，新增结对帮扶村小两所。');
  // The preview, redrawn, shows the page where the edited paragraph is printed.
  await expect(previewBody(page).filter({ hasText: '新增结对帮扶村小两所' })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/reports-preview.png`, animations: 'disabled' });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${TITLE_2019H1}.docx`);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  const paragraphs = await docxParagraphs(file);
  expect(paragraphs).toContain(TITLE_2019H1);
  expect(paragraphs).toContain('下学期继续开展“送教下乡”，新增结对帮扶村小两所。');
  expect(paragraphs.some((p) => AID_BASICS.test(p))).toBe(true);
});

test('the 2019-04 monthly progress report has the four sections of notice 04', async ({ page, ledger }) => {
  await openReport(page, ledger.url, '月度工作进展', '2019-04');
  const preview = previewFrame(page);
  await expect(preview.locator('p.title')).toHaveText(`${UNIT}2019年4月教育扶贫工作进展情况`);
  await expect(preview.locator('p.h1')).toHaveText([
    '一、工作进展情况',
    '二、典型经验做法',
    '三、存在的困难和问题',
    '四、对策建议',
  ]);
  await expect(previewBody(page).filter({ hasText: /^发放学生资助资金[\d.]+万?元，资助学生\d+人/ })).toHaveCount(1);
  await expect(preview.locator('.pn').first()).toHaveText('— 1 —');
});

test('a period with no records states no zero figures', async ({ page, ledger }) => {
  await openReport(page, ledger.url, '半年工作总结', '2019H1');
  await expect(previewBody(page).filter({ hasText: AID_BASICS })).toHaveCount(1);

  await choosePeriod(page, '半年工作总结', '2015');
  const preview = previewFrame(page);
  await expect(preview.locator('p.title')).toHaveText(`${UNIT}2015年教育扶贫工作总结`);
  await expect(preview.locator('body')).not.toContainText('资助学生');
  await expect(preview.locator('body')).not.toHaveText(ZERO_FIGURE);
  expect(await preview.locator('[data-figure]').evaluateAll((spans) => spans.map((s) => s.textContent))).not.toContain(
    '0',
  );
  await page.getByRole('tab', { name: /^本期数据/ }).click();
  await expect(page.getByText('本期各台账没有记录')).toBeVisible();
});

test.describe('on a ledger of 200,000 aid records', () => {
  test.use({ ledgerSetup: { unit: UNIT, demoRows: 200_000 } });

  test('the year is counted while another tab opens a small ledger at once, and the count can be stopped', async ({
    page,
    context,
    ledger,
  }) => {
    test.setTimeout(120_000);
    await page.goto(ledger.url);
    await page.getByRole('menuitem', { name: '报送', exact: true }).click();
    // Other reports are being counted (from other tabs, say): this one waits its turn, then counts.
    // Previews of eight more keep it waiting some seconds, so the steps below run while it counts
    // (with four, a CI run on a slow machine saw the count end before the other tab had opened).
    const others = ['2019H2', '2019-12'].map((period) =>
      ledger.call('reports.docx', { type: 'half-year-summary', period }),
    );
    const previews = ['2019H1', '2019-11', '2019-10', '2019-09', '2019-08', '2019-07', '2019-06', '2019-05'].map(
      (period) => ledger.call('reports.preview', { type: 'half-year-summary', period }),
    );
    await choosePeriod(page, '半年工作总结', '2019');
    const counting = page.getByRole('status').filter({ hasText: '正在统计台账…' });
    await expect(counting).toBeVisible();

    // The 15 rows of the 整改台账, opened in another tab while the year is being counted.
    const other = await context.newPage();
    // A tab opened by the user holds the same session token (as if from the printed link).
    await other.addInitScript(
      ([key, token]) => sessionStorage.setItem(key!, token!),
      [TOKEN_STORAGE_KEY, ledger.token],
    );
    await openLedger(other, ledger.url, 'rectification');
    await expect(tableRows(other)).toHaveCount(15);
    expect(await counting.isVisible(), 'the small ledger opened before the count ended').toBe(true);
    await other.close();

    // How long it has taken so far, and a cancel that stops the counting thread's job, not only the notice.
    await expect(counting).toContainText(/已用 \d+ 秒/);
    await page.screenshot({ path: `${SHOTS}/reports-counting.png` });
    const cancelling = page.waitForResponse('**/api/reports.cancel');
    await counting.getByRole('button', { name: '取消统计' }).click();
    const cancelled = (await (await cancelling).json()) as { ok: boolean; value: { cancelled: number } };
    expect(cancelled.value.cancelled).toBeGreaterThanOrEqual(1);
    const stopped = page.getByRole('alert').filter({ hasText: '已取消统计' });
    await expect(stopped).toBeVisible();
    await expect(counting).toBeHidden();

    await stopped.getByRole('button', { name: '重新统计' }).click();
    await expect(previewFrame(page).locator('p.title')).toHaveText(`${UNIT}2019年教育扶贫工作总结`, {
      timeout: 60_000,
    });
    await expect(counting).toBeHidden();
    for (const word of await Promise.all(others)) expect(word.fileName).toMatch(/\.docx$/);
    for (const preview of await Promise.all(previews)) expect(preview.pages).toBeGreaterThan(0);
  });
});
