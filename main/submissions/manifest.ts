import { z } from 'zod';

/** The file beside a submission's tables and reports that lists them with their hashes. */
export const SUBMISSION_MANIFEST = 'manifest.json';

const FileSchema = z.object({ name: z.string(), size: z.number(), sha256: z.string().length(64) });

export const SubmissionManifestSchema = z.object({
  format: z.literal('taizhang-submission'),
  version: z.literal(1),
  submission: z.number(),
  unit: z.string(),
  period: z.object({ code: z.string(), label: z.string(), from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  operator: z.string(),
  appVersion: z.string(),
  /** Records counted per ledger: those written into its table. */
  ledgers: z.array(z.object({ key: z.string(), label: z.string(), records: z.number(), file: z.string() })),
  reports: z.array(z.object({ type: z.string(), label: z.string(), file: z.string() })),
  files: z.array(FileSchema),
});
export type SubmissionManifest = z.infer<typeof SubmissionManifestSchema>;
export type ManifestFile = z.infer<typeof FileSchema>;
