import type { ApiInput, ApiOutput } from '../../../../shared/api.js';

export type ImportRequest = ApiInput<'import.preview'>;
export type ImportPreview = ApiOutput<'import.preview'>;
export type ImportOutcome = ApiOutput<'import.commit'>;
export type PreviewRow = ImportPreview['rows'][number];
export type PreviewColumn = ImportPreview['columns'][number];
export type PreviewFill = ImportPreview['fill'][number];

/** The user's column choices by header text: a field key, or null to leave the column out. */
export type ColumnChoices = Record<string, string | null>;

/** 本列统一填写 by field key: the value for every row; "" withdraws one remembered for the layout. */
export type FillChoices = Record<string, string>;

/**
 * One request serves preview, commit and the rejected-rows download, so all three read the file
 * alike: the one opened before (useOpenedFile), named by its id.
 */
export function importRequest(
  ledger: string,
  fileId: string,
  sheet: string | undefined,
  choices: ColumnChoices,
  fill: FillChoices = {},
): ImportRequest {
  const mapping = Object.entries(choices).map(([header, field]) => ({ header, field }));
  return {
    ledger,
    fileId,
    ...(sheet ? { sheet } : {}),
    ...(mapping.length > 0 ? { mapping } : {}),
    ...(Object.keys(fill).length > 0 ? { fill } : {}),
  };
}
