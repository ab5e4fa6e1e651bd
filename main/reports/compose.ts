import { chineseDate } from '../../shared/dates.js';
import type { ReportBlock, ReportContent } from '../../shared/report-draft.js';
import { TaizhangError } from '../store/errors.js';
import { fillLine, fillParagraph, type TextSegment } from './fill-text.js';
import { headingNumber, stripHeadingNumber, type HeadingLevel } from './gbt9704.js';
import { activityParagraphs } from './activity-prose.js';
import { unitProfile } from './unit-profile.js';
import { actualText } from './targets.js';
import type { ReportData } from './report-figures.js';
import type { Figure } from './figure-types.js';
import type { AttachmentTable } from './attachment-tables.js';

/** A block as printed: numbers given, figures filled, hollow parts left out. */
export type ComposedBlock =
  | { kind: 'heading'; level: HeadingLevel; number: string; text: string }
  | { kind: 'paragraph'; segments: TextSegment[] }
  | { kind: 'table'; title: string; headers: string[]; rows: string[][] };

/** The whole document, ready for the .docx writer and the HTML preview alike. */
export interface ComposedReport {
  title: string;
  addressee: string;
  body: ComposedBlock[];
  /** "附件：1. …", then "2. …" …, printed after the body. */
  attachmentNotes: string[];
  signature: { unit: string; date: string };
  attachments: AttachmentTable[];
}

/** Printed where a required paragraph is still empty: the editor shows it, the export refuses it. */
export const PROMPT_MARK = '【待补充】';

function paragraph(text: string): ComposedBlock {
  return { kind: 'paragraph', segments: [{ text }] };
}

/** 数量 and 单位 of a table row: money from 10,000 元 up reads "16.63 | 万元". */
function quantity(f: Figure): [string, string] {
  if (f.kind === 'money' && f.text.endsWith('万')) return [f.text.slice(0, -1), `万${f.unit}`];
  return [f.text, f.unit];
}

function figureTable(block: Extract<ReportBlock, { type: 'figure-table' }>, data: ReportData): ComposedBlock[] {
  const rows = block.figures
    .map((key) => data.figures.get(key))
    .filter((f): f is Figure => f !== undefined && !f.empty)
    .map((f, i) => [String(i + 1), f.label, ...quantity(f)]);
  if (rows.length === 0) return [];
  return [{ kind: 'table', title: block.title, headers: ['序号', '项目', '数量', '单位'], rows }];
}

function targetTable(title: string, data: ReportData): ComposedBlock[] {
  if (data.targets.length === 0) return [];
  const rows = data.targets.map((t, i) => [
    String(i + 1),
    t.spec.label,
    t.requirement,
    actualText(t),
    t.completion,
    t.met ? '已完成' : t.behind ? '滞后' : '推进中',
  ]);
  return [{ kind: 'table', title, headers: ['序号', '目标任务', '要求', '完成', '完成情况', '进度'], rows }];
}

/** What one block prints; an empty list when it has nothing to say. */
function renderBlock(block: ReportBlock, data: ReportData): ComposedBlock[] {
  switch (block.type) {
    case 'heading':
      return [];
    case 'paragraph': {
      const segments = fillParagraph(block.text, data.figures);
      return segments ? [{ kind: 'paragraph', segments }] : [];
    }
    case 'figure-table':
      return figureTable(block, data);
    case 'target-table':
      return targetTable(block.title, data);
    case 'activity-list': {
      const withYear = data.scope.from.slice(0, 4) !== data.scope.to.slice(0, 4);
      const writer = { name: data.subject.unit.name, self: unitProfile(data.subject.unit).self };
      return activityParagraphs(data.activities, block.detail, withYear, writer).map(paragraph);
    }
  }
}

/** A required paragraph the user has not written yet. */
function isOpenPrompt(block: ReportBlock): block is Extract<ReportBlock, { type: 'paragraph' }> {
  return block.type === 'paragraph' && block.required === true && block.text.trim() === '';
}

/** [start, end) of the blocks under the heading nearest above `index`, down to the next heading as high. */
function sectionAround(blocks: ReportBlock[], index: number): [number, number] {
  let start = index;
  while (start > 0 && blocks[start - 1]!.type !== 'heading') start--;
  const heading = start > 0 ? blocks[start - 1] : undefined;
  const level = heading?.type === 'heading' ? heading.level : 0;
  let end = index + 1;
  while (end < blocks.length) {
    const next = blocks[end]!;
    if (next.type === 'heading' && next.level <= level) break;
    if (next.type === 'heading' && level === 0) break;
    end++;
  }
  return [start, end];
}

/**
 * Whether a printed block fills its section. A paragraph of set words whose only figures are the
 * unit's or the period's name (a closing such as "{{unit.self}}将认真总结…") does not: it would
 * print the same with nothing done. The user's own words and anything from the ledgers do.
 */
function saysSomething(block: ComposedBlock): boolean {
  if (block.kind !== 'paragraph') return true;
  const figures = block.segments.filter((s) => s.figure !== undefined);
  return figures.length === 0 || figures.some((s) => !/^(unit|period)\./.test(s.figure!));
}

function promptBlock(hint: string | undefined): ComposedBlock {
  return { kind: 'paragraph', segments: [{ text: `${PROMPT_MARK}${hint || '请填写本部分内容'}`, prompt: true }] };
}

/**
 * Headings whose section had content and printed none of it are left out, so numbering stays
 * continuous ("一、二、三、") when a ledger is empty. A heading with nothing under it at all is the
 * user's own and stays. A section the notice requires keeps its heading: when nothing in it
 * printed, its required paragraph prints as a prompt, which the export refuses until written.
 */
function composeBody(blocks: ReportBlock[], data: ReportData): ComposedBlock[] {
  const rendered = blocks.map((b) => (b.type === 'heading' ? [] : renderBlock(b, data)));
  blocks.forEach((block, i) => {
    if (!isOpenPrompt(block)) return;
    const [start, end] = sectionAround(blocks, i);
    let printed = false;
    for (let j = start; j < end; j++) if (j !== i && rendered[j]!.some(saysSomething)) printed = true;
    if (!printed) rendered[i] = [promptBlock(block.hint)];
  });
  const keepHeading = (index: number, level: number): boolean => {
    let content = 0;
    let printed = 0;
    for (let j = index + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.type === 'heading' && next.level <= level) break;
      if (next.type === 'heading') continue;
      content++;
      if (rendered[j]!.length > 0) printed++;
    }
    return content === 0 || printed > 0;
  };
  const counters = [0, 0, 0, 0, 0];
  const body: ComposedBlock[] = [];
  blocks.forEach((block, i) => {
    if (block.type !== 'heading') {
      body.push(...rendered[i]!);
      return;
    }
    if (!keepHeading(i, block.level)) return;
    counters[block.level]!++;
    for (let deeper = block.level + 1; deeper <= 4; deeper++) counters[deeper] = 0;
    body.push({
      kind: 'heading',
      level: block.level,
      number: headingNumber(block.level, counters[block.level]!),
      text: stripHeadingNumber(fillLine(block.text, data.figures)),
    });
  });
  return body;
}

/** The headings of the sections still holding a prompt, for the message that refuses the export. */
function openPromptSections(body: ComposedBlock[]): string[] {
  const sections: string[] = [];
  let heading = '正文';
  for (const block of body) {
    if (block.kind === 'heading') heading = `${block.number}${block.text}`;
    else if (block.kind === 'paragraph' && block.segments.some((s) => s.prompt)) sections.push(heading);
  }
  return [...new Set(sections)];
}

/**
 * Refuses to print a report with a prompt still in it, or with no body at all: a Word file with
 * "【待补充】" or only headings in it would go out as it is.
 */
export function assertPrintable(report: ComposedReport): void {
  const open = openPromptSections(report.body);
  if (open.length > 0) {
    throw new TaizhangError(
      'validation',
      `报告中“${open.join('”“')}”部分尚待补充：本期台账中没有可写入的内容，请填写或删除提示段落后再导出`,
    );
  }
  if (!report.body.some((b) => b.kind !== 'heading')) {
    throw new TaizhangError('validation', '报告正文为空：本期台账中没有可写入的内容，请先在编辑器中填写正文再导出');
  }
}

function attachmentNotes(attachments: AttachmentTable[]): string[] {
  if (attachments.length === 0) return [];
  if (attachments.length === 1) return [`附件：${attachments[0]!.title}`];
  return attachments.map((a, i) => `${i === 0 ? '附件：' : ''}${i + 1}. ${a.title}`);
}

export function composeReport(
  content: ReportContent,
  data: ReportData,
  attachments: AttachmentTable[],
): ComposedReport {
  return {
    title: fillLine(content.title, data.figures),
    addressee: fillLine(content.addressee, data.figures).trim(),
    body: composeBody(content.blocks, data),
    attachmentNotes: attachmentNotes(attachments),
    signature: { unit: fillLine(content.signatureUnit, data.figures).trim(), date: chineseDate(content.signatureDate) },
    attachments,
  };
}
