import type { ReadonlyDb } from '../store/readonly-db.js';
import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { resolveUnit } from '../store/units.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { SELECT_RECORD, toRecord, type LedgerRecord, type RecordRow } from '../store/record-row.js';
import { parsePeriod, PERIOD_HELP, type Period } from '../../shared/period.js';
import { todayIso, chineseDate } from '../../shared/dates.js';
import type { FigureView, ReportContent, ReportTemplate, TargetView } from '../../shared/report-draft.js';
import { getReportType } from './report-types.js';
import { findDraft, writeDraft, type DraftKey, type StoredDraft } from './draft-store.js';
import { reportData, type ReportData, type ReportSubject } from './report-figures.js';
import { toFigureView } from './figure-types.js';
import { toTargetView } from './targets.js';
import { checkPlaceholders } from './placeholder-check.js';
import { assertPrintable, composeReport } from './compose.js';
import { selectedCount, selectedIds } from './figure-sql.js';
import type { PrintedReport } from './printed-report.js';
import { attachmentTables } from './attachment-tables.js';
import { writeDocx } from './docx-writer.js';
import { renderPreviewHtml } from './html-preview.js';
import { getActivity } from './activities.js';
import { defaultAddressee } from './addressee.js';
import { sanitizeFileName } from '../export/file-name.js';

/** How callers name a report: its type, period and unit (by id from the UI, by name from the CLI). */
export interface DraftRef {
  type: string;
  period: string;
  unitId?: number;
  unitName?: string;
  activityId?: number | null;
}

/** A draft's text as stored, without its figures: what a save returns. */
export interface SavedDraftView {
  /** null until the draft is first saved. */
  id: number | null;
  type: string;
  typeLabel: string;
  period: Period;
  unitId: number;
  unitName: string;
  activityId: number | null;
  content: ReportContent;
  createdAt: string | null;
  updatedAt: string | null;
}

/** The draft with its figures, as the UI shows it. */
export interface DraftView extends SavedDraftView, DraftFigures {}

interface Resolved {
  template: ReportTemplate;
  subject: ReportSubject;
  key: DraftKey;
}

function resolve(db: ReadonlyDb, ref: DraftRef): Resolved {
  const { template } = getReportType(db, ref.type);
  const period = parsePeriod(ref.period);
  if (!period) throw new TaizhangError('bad-request', `无法识别的期间“${ref.period}”。${PERIOD_HELP}`);
  const unit = resolveUnit(db, { id: ref.unitId, name: ref.unitName });
  const activityId = ref.activityId ?? null;
  if (activityId !== null) {
    if (template.subject !== 'activity') {
      throw new TaizhangError('bad-request', `报告类型“${template.label}”按期间汇总，不能指定单次活动`);
    }
    const activity = getActivity(db, activityId);
    if (activity.date < period.from || activity.date > period.to) {
      throw new TaizhangError(
        'bad-request',
        `活动“${activity.title}”的日期 ${chineseDate(activity.date)} 不在期间 ${period.label}（${chineseDate(period.from)}至${chineseDate(period.to)}）内`,
      );
    }
    const owner = db.prepare('SELECT unit_id FROM records WHERE id = ?').get(activityId) as { unit_id: number };
    if (owner.unit_id !== unit.id) {
      throw new TaizhangError('bad-request', `活动“${activity.title}”不是“${unit.name}”填报的，请选择该单位的活动`);
    }
  }
  return {
    template,
    subject: { period, unit, activityId },
    key: { type: template.key, period: period.code, unitId: unit.id, activityId },
  };
}

function newContent(resolved: Resolved): ReportContent {
  const { template, subject } = resolved;
  const forActivity = subject.activityId !== null;
  return structuredClone({
    title: (forActivity && template.subjectTitle) || template.title,
    addressee: template.addressee || defaultAddressee(template.key, subject.unit.name),
    blocks: (forActivity && template.subjectBlocks) || template.blocks,
    signatureUnit: subject.unit.name,
    signatureDate: todayIso(),
    sealed: false,
    attachments: template.attachments.map((ledger) => ({ ledger, title: '' })),
  });
}

/** What a draft shows from the ledgers: the long part of opening one, counted in a worker by the app. */
export interface DraftFigures {
  figures: FigureView[];
  targets: TargetView[];
}

function figuresOf(data: ReportData): DraftFigures {
  return { figures: [...data.figures.values()].map(toFigureView), targets: data.targets.map(toTargetView) };
}

/** A draft as stored (or fresh), without its figures: what the ledger connection that writes knows. */
export interface DraftText {
  resolved: Resolved;
  content: ReportContent;
  stored: StoredDraft | undefined;
}

/** The draft's text as stored, for a save: nothing is counted. */
export function savedDraftView({ resolved, content, stored }: DraftText): SavedDraftView {
  return {
    id: stored?.id ?? null,
    type: resolved.template.key,
    typeLabel: resolved.template.label,
    period: resolved.subject.period,
    unitId: resolved.subject.unit.id,
    unitName: resolved.subject.unit.name,
    activityId: resolved.subject.activityId,
    content,
    createdAt: stored?.createdAt ?? null,
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** The draft with its figures, as the UI shows it. */
export function draftView(text: DraftText, counted: DraftFigures): DraftView {
  return { ...savedDraftView(text), figures: counted.figures, targets: counted.targets };
}

/** The figures and targets of a draft, counted from the ledgers as they are now. Only reads. */
export function draftFigures(db: ReadonlyDb, ref: DraftRef): DraftFigures {
  return figuresOf(reportData(db, resolve(db, ref).subject));
}

/** The saved draft, or a fresh one from the template (not saved), with figures from the ledgers as they are now. */
export function loadDraft(db: Db, ref: DraftRef): DraftView {
  const resolved = resolve(db, ref);
  const stored = findDraft(db, resolved.key);
  const content = stored?.content ?? newContent(resolved);
  return draftView({ resolved, content, stored }, figuresOf(reportData(db, resolved.subject)));
}

/** The stored draft, created from the template the first time; its figures are counted apart. */
export function openDraftText(db: Db, ref: DraftRef, operator: string): DraftText {
  const resolved = resolve(db, ref);
  const stored = findDraft(db, resolved.key) ?? writeDraft(db, resolved.key, newContent(resolved), operator);
  return { resolved, content: stored.content, stored };
}

/**
 * Gets or creates the draft for its type, period and unit. The user's text is kept as written;
 * its {{figures}} are what regenerate, since they are filled from the ledgers each time.
 */
export function openDraft(db: Db, ref: DraftRef, operator: string): DraftView {
  return draftView(openDraftText(db, ref, operator), draftFigures(db, ref));
}

function checkContent(db: ReadonlyDb, content: ReportContent): void {
  checkPlaceholders(db, [content.title, content.addressee, content.signatureUnit], content.blocks);
  for (const attachment of content.attachments) getLedgerDefinition(db, attachment.ledger);
}

/** Checks and writes the user's text; its figures are counted apart. */
export function saveDraftText(db: Db, ref: DraftRef, content: ReportContent, operator: string): DraftText {
  const resolved = resolve(db, ref);
  checkContent(db, content);
  const stored = writeDraft(db, resolved.key, content, operator);
  return { resolved, content: stored.content, stored };
}

export function saveDraft(db: Db, ref: DraftRef, content: ReportContent, operator: string): DraftView {
  return draftView(saveDraftText(db, ref, content, operator), draftFigures(db, ref));
}

/**
 * The report as it will print: the given content (unsaved edits), else the saved or fresh draft.
 * Refused while a required section still holds its prompt, or when the body is empty: this is
 * the path of every export (the app, the CLI, a submission).
 */
export function composeDraft(db: ReadonlyDb, ref: DraftRef, content?: ReportContent): PrintedReport {
  const report = composeForPreview(db, ref, content);
  assertPrintable(report);
  return report;
}

/** The report as the preview shows it, prompts of unwritten sections included. */
export function composeForPreview(db: ReadonlyDb, ref: DraftRef, content?: ReportContent): PrintedReport {
  const resolved = resolve(db, ref);
  const used = content ?? findDraft(db, resolved.key)?.content ?? newContent(resolved);
  if (content) checkContent(db, content);
  const data = reportData(db, resolved.subject);
  const { unit, period } = resolved.subject;
  const tables = attachmentTables(db, used.attachments, data.scope, (label) => `${unit.name}${period.label}${label}`);
  return { ...composeReport(used, data, tables), sealed: used.sealed };
}

/** A file name from the title, with its lines joined, that every system accepts. */
export function docxFileName(title: string): string {
  return `${sanitizeFileName(title, '报告')}.docx`;
}

export async function draftDocx(
  db: ReadonlyDb,
  ref: DraftRef,
  content?: ReportContent,
): Promise<{ fileName: string; bytes: Buffer }> {
  const report = composeDraft(db, ref, content);
  return { fileName: docxFileName(report.title), bytes: await writeDocx(report) };
}

export function draftPreview(
  db: ReadonlyDb,
  ref: DraftRef,
  content?: ReportContent,
  options: { highlightFigures?: boolean } = {},
): { html: string; pages: number } {
  return renderPreviewHtml(composeForPreview(db, ref, content), options);
}

/** The records a figure counts, a page at a time, in the order the figure lists them. */
export function figureRecords(
  db: ReadonlyDb,
  ref: DraftRef,
  figureKey: string,
  page: number,
  pageSize: number,
): { figure: FigureView; total: number; rows: LedgerRecord[] } {
  const resolved = resolve(db, ref);
  const figure = reportData(db, resolved.subject).figures.get(figureKey);
  if (!figure) throw new TaizhangError('not-found', `数据项“${figureKey}”不存在`);
  const ids = selectedIds(db, figure.records, (page - 1) * pageSize, pageSize);
  const rows = ids.length
    ? (db.prepare(`${SELECT_RECORD} WHERE r.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as RecordRow[])
    : [];
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  return {
    figure: toFigureView(figure),
    total: selectedCount(db, figure.records),
    rows: ids.map((id) => byId.get(id)).filter((r): r is LedgerRecord => r !== undefined),
  };
}
