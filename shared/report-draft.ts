import { z } from 'zod';
import { parseIsoDate } from './dates.js';

/**
 * A Word report (报送材料) as the user edits it: a title, a list of blocks and a signature.
 *
 * Paragraph text may hold live figures and optional segments:
 * - `{{aid.students}}` is replaced by the figure's current value from the ledgers;
 * - `[[，其中县级以上{{publicity.countyPlus}}条]]` is left out when a figure inside it is empty,
 *   and a segment holding only segments is left out when all of them are;
 * - a sentence holding an empty figure outside any segment is left out, and so is a paragraph
 *   left with no sentence, so a ledger with nothing in the period never yields "共 0 人".
 */

export const FIGURE_KEY = /^[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+$/;
const figureKey = z.string().regex(FIGURE_KEY, '数据项标识应写作 aid.students 这样的形式');
const ledgerKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const blockId = z.string().min(1).max(40);

export const HeadingBlockSchema = z.object({
  id: blockId,
  type: z.literal('heading'),
  /** 1 "一、" 黑体 · 2 "（一）" 楷体 · 3 "1." and 4 "（1）" 仿宋 bold; the numbers are added when rendered. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  text: z.string().max(200),
});

export const ParagraphBlockSchema = z.object({
  id: blockId,
  type: z.literal('paragraph'),
  text: z.string().max(20000),
  /** Shown in the editor while the text is empty; never printed. */
  hint: z.string().max(200).optional(),
  /**
   * A section the notice requires (存在的困难和问题, 对策建议 …): while this paragraph is empty and
   * nothing else in its section has anything to print, its hint prints as a marked prompt
   * (【待补充】) and the report cannot be exported until the user writes it or removes the block.
   */
  required: z.boolean().optional(),
});

/** A table of figures: 序号 · 项目 · 数量 · 单位. Rows of empty figures are left out. */
export const FigureTableBlockSchema = z.object({
  id: blockId,
  type: z.literal('figure-table'),
  title: z.string().max(100),
  figures: z.array(figureKey).min(1).max(40),
});

/** Progress against the notices' targets (工作目标), one row per target with any progress. */
export const TargetTableBlockSchema = z.object({
  id: blockId,
  type: z.literal('target-table'),
  title: z.string().max(100),
});

/** One paragraph per activity of the period: its date and name, with its summary or results. */
export const ActivityListBlockSchema = z.object({
  id: blockId,
  type: z.literal('activity-list'),
  detail: z.enum(['none', 'summary', 'results']).default('none'),
});

export const ReportBlockSchema = z.discriminatedUnion('type', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  FigureTableBlockSchema,
  TargetTableBlockSchema,
  ActivityListBlockSchema,
]);

export type ReportBlock = z.output<typeof ReportBlockSchema>;

/** An attachment table (附件) appended after the body: a ledger's records of the period. */
export const ReportAttachmentSchema = z.object({
  ledger: ledgerKey,
  /** Empty: "{单位}{期间}{台账名称}". */
  title: z.string().max(200).default(''),
});

export const ReportContentSchema = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(200),
  /** 主送机关, e.g. "县扶贫办、杭州市滨江区教育局" (the full-width colon is added when printed); empty when the report has none. */
  addressee: z.string().max(100).default(''),
  blocks: z.array(ReportBlockSchema).max(1000),
  signatureUnit: z.string().max(100),
  /** 成文日期, chosen by the user; a new draft starts with the day it was made. */
  signatureDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期应写作 2019-07-10')
    .refine((d) => parseIsoDate(d) !== null, { message: '成文日期不是日历上的日子，应写作 2019-07-10' }),
  /** 加盖印章: the date four characters in from the right and the unit centred above it (GB/T 9704-2012 7.3.5.1). */
  sealed: z.boolean().default(false),
  attachments: z.array(ReportAttachmentSchema).max(20).default([]),
});

export type ReportContent = z.output<typeof ReportContentSchema>;

/**
 * A report type as data. The built-in three and the ones users make share this shape.
 * `title` may hold {{unit.name}}, {{period.label}} and, for activity reports, {{subject.title}}.
 * Activity reports (subject 'activity') may be drafted for one activity record, using the
 * subjectTitle and subjectBlocks, or for all the activities of the period.
 */
export const ReportTemplateSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '报告类型标识只能由小写字母、数字和连字符组成'),
  label: z.string().trim().min(1, '报告类型名称不能为空').max(60),
  description: z.string().max(500).default(''),
  subject: z.enum(['none', 'activity']).default('none'),
  title: z.string().trim().min(1).max(200),
  addressee: z.string().max(100).default(''),
  blocks: z.array(ReportBlockSchema).min(1).max(1000),
  subjectTitle: z.string().max(200).optional(),
  subjectBlocks: z.array(ReportBlockSchema).max(1000).optional(),
  attachments: z.array(ledgerKey).max(20).default([]),
});

export type ReportTemplate = z.output<typeof ReportTemplateSchema>;
export type ReportTemplateInput = z.input<typeof ReportTemplateSchema>;

/** A figure as the UI sees it; the record ids stay behind, reachable through reports.figureRecords. */
export const FigureViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  ledger: z.string().nullable(),
  kind: z.enum(['count', 'money', 'percent', 'text']),
  unit: z.string(),
  value: z.number(),
  text: z.string(),
  empty: z.boolean(),
  recordCount: z.number(),
});

export type FigureView = z.output<typeof FigureViewSchema>;

export const TargetViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  notice: z.string(),
  requirement: z.string(),
  figure: z.string(),
  actual: z.string(),
  completion: z.string(),
  met: z.boolean(),
  behind: z.boolean(),
  empty: z.boolean(),
});

export type TargetView = z.output<typeof TargetViewSchema>;
