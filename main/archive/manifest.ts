import { z } from 'zod';

/**
 * What a backup says of itself: the last entry of its tar stream. Every other entry is listed with
 * its size and SHA-256, so restore can prove it got back exactly what was saved, and the counts say
 * what an archivist would check first (how many records of each ledger, for which units).
 */
export const LEDGER_PART = 'ledger.db';
export const MANIFEST_PART = 'manifest.json';
export const FILES_PREFIX = 'files/';

const PartSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupPart = z.infer<typeof PartSchema>;

export const ManifestSchema = z.object({
  format: z.literal(1),
  app: z.literal('台账归档'),
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  operator: z.string(),
  /** The ledger file's own name, without its folder: where it lived is nobody's business. */
  sourceName: z.string(),
  units: z.array(z.string()),
  records: z.record(z.string(), z.number().int().nonnegative()),
  attachments: z.number().int().nonnegative(),
  encrypted: z.boolean(),
  parts: z.array(PartSchema),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;

// Attachment files are stored under content hashes; anything that could climb out of the folder
// or name a device is refused, whatever the manifest says.
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** Whether an entry name may be written under the restore folder. */
export function isSafePartName(name: string): boolean {
  if (name === LEDGER_PART || name === MANIFEST_PART) return true;
  if (!name.startsWith(FILES_PREFIX)) return false;
  const segments = name.slice(FILES_PREFIX.length).split('/');
  return segments.length <= 4 && segments.every((s) => SAFE_SEGMENT.test(s) && s !== '.' && s !== '..');
}
