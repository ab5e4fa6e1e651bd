import { chineseDate } from '../../shared/dates.js';
import type { ReportBlock, ReportContent } from '../../shared/report-draft.js';
import { fillLine, fillParagraph, type TextSegment } from './fill-text.js';
import { headingNumber, stripHeadingNumber, type HeadingLevel } from './gbt9704.js';
import { activityDate, quoted, type Activity } from './activities.js';
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

function endSentence(text: string): string {
  return /[。！？：；.!?]$/.test(text) ? text : `${text}。`;
}

function activityParagraphs(
  activities: Activity[],
  detail: 'none' | 'summary' | 'results',
  withYear: boolean,
): ComposedBlock[] {
  const paragraph = (text: string): ComposedBlock => ({ kind: 'paragraph', segments: [{ text }] });
  if (detail === 'results') {
    return activities.filter((a) => a.results).map((a) => paragraph(`${quoted(a.title)}：${endSentence(a.results)}`));
  }
  return activities.map((a) => {
    const people = [
      a.participants ? `参与${a.participants}人` : '',
      a.beneficiaries ? `受益${a.beneficiaries}人` : '',
    ].filter(Boolean);
    const head = `${activityDate(a, withYear)}，开展${quoted(a.title)}${people.length ? `，${people.join('，')}` : ''}。`;
    return paragraph(detail === 'summary' && a.summary ? `${head}${endSentence(a.summary)}` : head);
  });
}

function figureTable(block: Extract<ReportBlock, { type: 'figure-table' }>, data: ReportData): ComposedBlock[] {
  const rows = block.figures
    .map((key) => data.figures.get(key))
    .filter((f): f is Figure => f !== undefined && !f.empty)
    .map((f, i) => [String(i + 1), f.label, f.text, f.unit]);
  if (rows.length === 0) return [];
  return [{ kind: 'table', title: block.title, headers: ['序号', '项目', '数量', '单位'], rows }];
}

function targetTable(title: string, data: ReportData): ComposedBlock[] {
  if (data.targets.length === 0) return [];
  const rows = data.targets.map((t, i) => [
    String(i + 1),
    t.spec.label,
    t.requirement,
    t.spec.kind === 'share' ? t.actual.text : `${t.actual.text}${t.spec.unit}`,
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
      return activityParagraphs(data.activities, block.detail, withYear);
    }
  }
}

/**
 * Headings whose section had content and printed none of it are left out, so numbering stays
 * continuous ("一、二、三、") when a ledger is empty. A heading with nothing under it at all is the
 * user's own and stays.
 */
function composeBody(blocks: ReportBlock[], data: ReportData): ComposedBlock[] {
  const rendered = blocks.map((b) => (b.type === 'heading' ? null : renderBlock(b, data)));
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
