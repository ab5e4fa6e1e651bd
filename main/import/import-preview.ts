import type { ApiOutput } from '../../shared/api.js';
import { IMPORT_PREVIEW_ROWS } from '../../shared/import-api.js';
import { planCounts, type ImportPlan } from './import-plan.js';
import { cellErrorText } from './row-check.js';

export type Preview = ApiOutput<'import.preview'>;
type PreviewRow = Preview['rows'][number];

/** Rejected rows first, then conflicts, then duplicates, then good rows, up to the limit; listed in sheet order. */
function previewRows(plan: ImportPlan): { rows: PreviewRow[]; truncated: boolean } {
  const rows: PreviewRow[] = plan.rejected.slice(0, IMPORT_PREVIEW_ROWS).map((r) => ({
    row: r.row,
    status: 'rejected',
    values: null,
    errors: r.errors.map((e) => ({ ...e, text: cellErrorText(plan.sheet, r.row, e) })),
    note: null,
  }));
  const room = () => rows.length < IMPORT_PREVIEW_ROWS;
  for (const c of plan.conflicts) {
    if (!room()) break;
    rows.push({ row: c.row, status: 'conflict', values: c.values, errors: [], note: c.message });
  }
  if (room() && plan.accepted.duplicates > 0) {
    for (const r of plan.accepted) {
      if (!room()) break;
      if (!r.duplicate) continue;
      const note = r.duplicate.of === 'existing' ? '与已有记录重复' : `与第 ${r.duplicate.firstRow} 行重复`;
      rows.push({ row: r.row, status: 'duplicate', values: r.values, errors: [], note });
    }
  }
  for (const r of plan.accepted) {
    if (!room()) break;
    if (!r.duplicate) rows.push({ row: r.row, status: 'ok', values: r.values, errors: [], note: null });
  }
  return {
    rows: rows.sort((a, b) => a.row - b.row),
    truncated: plan.rejected.length + plan.conflicts.length + plan.accepted.length > IMPORT_PREVIEW_ROWS,
  };
}

/** The fields no column feeds where a value for every row is wanted (required) or given. */
function fillOf(plan: ImportPlan): Preview['fill'] {
  const fed = new Set(plan.columns.map((c) => c.field?.key));
  return plan.def.fields
    .filter((f) => f.type !== 'attachments' && !fed.has(f.key) && (f.required || plan.filled.has(f.key)))
    .map((f) => {
      const filled = plan.filled.get(f.key);
      return {
        field: f.key,
        label: f.label,
        required: f.required,
        value: filled ? String(filled.value) : null,
        how: filled?.how ?? null,
      };
    });
}

/** What import.preview answers: the mapping, the counts and the first rows worth showing. */
export function previewOf(plan: ImportPlan): Preview {
  const counts = planCounts(plan, false);
  return {
    fileName: plan.fileName,
    sheet: plan.sheet,
    sheets: plan.sheets,
    headerRows: plan.headerRows,
    columns: plan.columns.map((c) => ({
      column: c.letter,
      header: c.header,
      field: c.field?.key ?? null,
      label: c.field?.label ?? null,
      how: c.how,
    })),
    unmatched: plan.columns.filter((c) => c.how === 'unmatched').map((c) => ({ column: c.letter, header: c.header })),
    fill: fillOf(plan),
    blocking: plan.blocking,
    warnings: plan.warnings,
    counts: {
      toImport: counts.toImport,
      duplicates: counts.skipped,
      rejected: plan.rejected.length,
      conflicts: plan.conflicts.length,
      blank: plan.ignored.blank,
      totals: plan.ignored.totals.length,
      footer: plan.ignored.footer.length,
      repeatedHeader: plan.ignored.repeatedHeader.length,
    },
    ...previewRows(plan),
  };
}
