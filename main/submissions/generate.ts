import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { exportLedgerXlsx } from '../export/export-xlsx.js';
import { commitTempFile, removeQuietly } from '../export/atomic-file.js';
import { openReadOnly } from '../export/read-only-db.js';
import { draftDocx } from '../reports/report-service.js';
import { getReportType } from '../reports/report-types.js';
import { writeFileAside } from '../reports/write-file.js';
import { TaizhangError } from '../store/errors.js';
import { parsePeriod } from '../../shared/period.js';
import { hashFile, sha256OfBytes } from './file-hash.js';
import { SUBMISSION_MANIFEST, type ManifestFile, type SubmissionManifest } from './manifest.js';

/** What the submission worker is asked to write: everything already checked against the ledger. */
export interface GenerateRequest {
  dbFile: string;
  nativeBinding?: string;
  submission: number;
  unitId: number;
  unitName: string;
  period: string;
  ledgers: string[];
  reports: string[];
  /** A folder that does not exist yet: made here, and removed again if anything fails. */
  folder: string;
  /** The .zip to write beside it, or null. */
  zip: string | null;
  operator: string;
  createdAt: string;
  appVersion: string;
}

export interface GenerateResult {
  manifest: SubmissionManifest;
  manifestSha256: string;
  zipSha256: string | null;
}

function cancelled(): TaizhangError {
  return new TaizhangError('cancelled', '报送已取消，没有留下生成到一半的文件');
}

/**
 * One .zip of the folder's files and its manifest, written beside its target and put in place only
 * when complete. yazl streams each file from disk and marks the names as UTF-8, so Chinese file
 * names read back right in Windows' own zip folders.
 */
async function writeZip(folder: string, names: string[], target: string): Promise<string> {
  const temp = `${target}.${process.pid}.part`;
  try {
    await new Promise<void>((resolve, reject) => {
      const zip = new yazl.ZipFile();
      for (const name of names) zip.addFile(path.join(folder, name), name);
      zip.end();
      const out = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
      out.on('error', reject);
      out.on('close', resolve);
      zip.outputStream.on('error', reject);
      zip.outputStream.pipe(out);
    });
    commitTempFile(temp, target, false);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  return (await hashFile(target)).sha256;
}

/**
 * Writes a submission's files with the existing generators: one attachment table per ledger
 * (附件1, 附件2 … in the order given), one Word document per report, then manifest.json with the
 * SHA-256 and size of each and the records counted per ledger, and the .zip when asked. Runs in
 * the submission worker; on any failure or cancel the folder and the zip are removed.
 */
export async function generateSubmission(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
  const period = parsePeriod(request.period);
  if (!period) throw new TaizhangError('bad-request', `无法识别的期间“${request.period}”`);
  try {
    fs.mkdirSync(request.folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new TaizhangError('conflict', `报送文件夹已存在：${request.folder}，未作修改`);
    }
    throw error;
  }
  try {
    const ledgers: SubmissionManifest['ledgers'] = [];
    for (const [index, ledger] of request.ledgers.entries()) {
      if (signal?.aborted) throw cancelled();
      const result = await exportLedgerXlsx(
        {
          dbFile: request.dbFile,
          nativeBinding: request.nativeBinding,
          sheets: [{ ledger }],
          out: request.folder,
          period: request.period,
          unit: { id: request.unitId },
          attachmentNo: index + 1,
        },
        { signal },
      );
      const sheet = result.sheets[0]!;
      ledgers.push({ key: ledger, label: sheet.label, records: result.rows, file: path.basename(result.file) });
    }
    const reports: SubmissionManifest['reports'] = [];
    if (request.reports.length > 0) {
      const db = openReadOnly(request.dbFile, request.nativeBinding);
      try {
        for (const type of request.reports) {
          if (signal?.aborted) throw cancelled();
          const { fileName, bytes } = await draftDocx(db, { type, period: request.period, unitId: request.unitId });
          const file = writeFileAside(path.join(request.folder, fileName), bytes, { overwrite: false });
          reports.push({ type, label: getReportType(db, type).template.label, file: path.basename(file) });
        }
      } finally {
        db.close();
      }
    }
    const files: ManifestFile[] = [];
    for (const name of [...ledgers.map((l) => l.file), ...reports.map((r) => r.file)]) {
      files.push({ name, ...(await hashFile(path.join(request.folder, name))) });
    }
    const manifest: SubmissionManifest = {
      format: 'taizhang-submission',
      version: 1,
      submission: request.submission,
      unit: request.unitName,
      period: { code: period.code, label: period.label, from: period.from, to: period.to },
      generatedAt: request.createdAt,
      operator: request.operator,
      appVersion: request.appVersion,
      ledgers,
      reports,
      files,
    };
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    fs.writeFileSync(path.join(request.folder, SUBMISSION_MANIFEST), bytes, { flag: 'wx', mode: 0o600 });
    if (signal?.aborted) throw cancelled();
    const zipSha256 = request.zip
      ? await writeZip(request.folder, [...files.map((f) => f.name), SUBMISSION_MANIFEST], request.zip)
      : null;
    return { manifest, manifestSha256: sha256OfBytes(bytes), zipSha256 };
  } catch (error) {
    fs.rmSync(request.folder, { recursive: true, force: true });
    throw error;
  }
}
