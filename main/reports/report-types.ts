import type { ReadonlyDb } from '../store/readonly-db.js';
import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import { ReportTemplateSchema, type ReportTemplate, type ReportTemplateInput } from '../../shared/report-draft.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';
import { checkPlaceholders } from './placeholder-check.js';

/** A report type: one of the three built in, or one a user made (stored as data). */
export interface ReportType {
  template: ReportTemplate;
  builtin: boolean;
}

function userTemplates(db: ReadonlyDb): ReportTemplate[] {
  const rows = db.prepare('SELECT definition FROM report_templates ORDER BY created_at, key').all() as Array<{
    definition: string;
  }>;
  return rows.map((r) => ReportTemplateSchema.parse(JSON.parse(r.definition)));
}

export function listReportTypes(db: ReadonlyDb): ReportType[] {
  return [
    ...BUILTIN_TEMPLATES.map((template) => ({ template, builtin: true })),
    ...userTemplates(db).map((template) => ({ template, builtin: false })),
  ];
}

export function getReportType(db: ReadonlyDb, key: string): ReportType {
  const found = listReportTypes(db).find((t) => t.template.key === key);
  if (!found) {
    const known = listReportTypes(db)
      .map((t) => `${t.template.key}（${t.template.label}）`)
      .join('、');
    throw new TaizhangError('not-found', `报告类型“${key}”不存在，可选：${known}`);
  }
  return found;
}

/** Creates or replaces a user-made report type; the built-in ones cannot be replaced. */
export function saveReportType(db: Db, input: ReportTemplateInput, operator: string): ReportType {
  const parsed = ReportTemplateSchema.safeParse(input);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(整体)'}：${i.message}`).join('；');
    throw new TaizhangError('validation', `报告类型定义不正确：${where}`);
  }
  const template = parsed.data;
  if (BUILTIN_TEMPLATES.some((t) => t.key === template.key)) {
    throw new TaizhangError('conflict', `“${template.key}”是内置报告类型，不能覆盖，请换一个标识`);
  }
  checkPlaceholders(
    db,
    [template.title, ...(template.subjectTitle ? [template.subjectTitle] : [])],
    [...template.blocks, ...(template.subjectBlocks ?? [])],
  );
  return db.transaction(() => {
    const before = db.prepare('SELECT definition FROM report_templates WHERE key = ?').get(template.key) as
      { definition: string } | undefined;
    const now = nowIso();
    db.prepare(
      `INSERT INTO report_templates (key, label, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET label = excluded.label, definition = excluded.definition, updated_at = excluded.updated_at`,
    ).run(template.key, template.label, JSON.stringify(template), now, now);
    writeAudit(db, {
      operator,
      action: before ? 'update' : 'create',
      entity: 'report-type',
      entityId: template.key,
      before: before ? JSON.parse(before.definition) : undefined,
      after: template,
    });
    return { template, builtin: false };
  })();
}

export function deleteReportType(db: Db, key: string, operator: string): void {
  if (BUILTIN_TEMPLATES.some((t) => t.key === key))
    throw new TaizhangError('conflict', `“${key}”是内置报告类型，不能删除`);
  db.transaction(() => {
    const before = db.prepare('SELECT definition FROM report_templates WHERE key = ?').get(key) as
      { definition: string } | undefined;
    if (!before) throw new TaizhangError('not-found', `报告类型“${key}”不存在`);
    db.prepare('DELETE FROM report_templates WHERE key = ?').run(key);
    writeAudit(db, {
      operator,
      action: 'delete',
      entity: 'report-type',
      entityId: key,
      before: JSON.parse(before.definition),
    });
  })();
}
