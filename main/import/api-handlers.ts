import path from 'node:path';
import type { ApiMethod } from '../../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import { IMPORT_PREVIEW_ROWS } from '../../shared/import-api.js';
import type { ApiContext } from '../handlers.js';
import type { Db } from '../store/database.js';
import { resolveUnit } from '../store/units.js';
import { commitImport } from './import-commit.js';
import { disposePlan, planCounts, planImport, type ImportPlan } from './import-plan.js';
import { rejectedXlsxBuffer } from './rejected-export.js';
import { cellErrorLine, cellErrorText } from './row-check.js';

type ImportMethod = Extract<ApiMethod, `import.${string}`>;
type ImportHandlers = {
  [M in ImportMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

type Request = ParsedInput<'import.preview'>;
type Preview = ApiOutput<'import.preview'>;
type PreviewRow = Preview['rows'][number];

/** Plans the import the request describes, hands the plan to `use`, then frees it. */
async function withPlan<T>(db: Db, input: Request, use: (plan: ImportPlan) => T | Promise<T>): Promise<T> {
  const plan = await planImport(db, {
    ledger: input.ledger,
    unitId: resolveUnit(db, { id: input.unitId }).id,
    source: { bytes: Buffer.from(input.data, 'base64'), name: path.basename(input.fileName) },
    sheet: input.sheet,
    mapping: input.mapping,
  });
  try {
    return await use(plan);
  } finally {
    disposePlan(plan);
  }
}

/** Rejected rows first, then duplicates, then good rows, up to the limit; listed in sheet order. */
function previewRows(plan: ImportPlan): { rows: PreviewRow[]; truncated: boolean } {
  const rows: PreviewRow[] = plan.rejected.slice(0, IMPORT_PREVIEW_ROWS).map((r) => ({
    row: r.row,
    status: 'rejected',
    values: null,
    errors: r.errors.map((e) => ({ ...e, text: cellErrorText(plan.sheet, r.row, e) })),
    note: null,
  }));
  const room = () => rows.length < IMPORT_PREVIEW_ROWS;
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
    truncated: plan.rejected.length + plan.accepted.length > IMPORT_PREVIEW_ROWS,
  };
}

function preview(plan: ImportPlan): Preview {
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
    blocking: plan.blocking,
    warnings: plan.warnings,
    counts: {
      toImport: counts.toImport,
      duplicates: counts.skipped,
      rejected: plan.rejected.length,
      blank: plan.ignored.blank,
      totals: plan.ignored.totals.length,
      footer: plan.ignored.footer.length,
      repeatedHeader: plan.ignored.repeatedHeader.length,
    },
    ...previewRows(plan),
  };
}

/** The import.* methods of the contract; main/handlers.ts spreads them into its map. */
export const IMPORT_HANDLERS: ImportHandlers = {
  'import.preview': (ctx, input) => withPlan(ctx.db, input, preview),
  'import.commit': (ctx, input) =>
    withPlan(ctx.db, input, (plan) => {
      const result = commitImport(ctx.db, plan, { operator: ctx.operator, allowDuplicates: input.allowDuplicates });
      const rejected = plan.rejected.map((r) => ({ row: r.row, errors: r.errors.map(cellErrorLine) }));
      return { imported: result.imported, skipped: result.skipped, rejected };
    }),
  'import.rejectedXlsx': (ctx, input) =>
    withPlan(ctx.db, input, async (plan) => {
      const bytes = await rejectedXlsxBuffer(plan);
      const base = path.basename(input.fileName).replace(/\.xlsx$/i, '');
      return {
        fileName: `${base}-待修正.xlsx`,
        base64: bytes.toString('base64'),
        size: bytes.length,
        count: plan.rejected.length,
      };
    }),
};
