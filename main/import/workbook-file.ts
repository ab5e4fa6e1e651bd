import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import { verifyZip, ZipCheckError, MAX_UNPACKED_BYTES, type ZipEntry } from './zip-check.js';
import { sheetIndexer, type WorkbookIndex } from './workbook-index.js';
import { MAX_ZIP_ENTRIES, partLabel, partTooLarge, ReadLimitError } from './read-limits.js';

/** Where the workbook comes from: a path (CLI) or the bytes the UI sent. */
export type WorkbookSource = { path: string } | { bytes: Buffer; name: string };

/** Larger files are refused before reading; a 300,000-row ledger is about 35 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SAVE_AS = '请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入';

export function sourceName(source: WorkbookSource): string {
  return 'path' in source ? path.basename(source.path) : source.name;
}

function badFile(name: string, what: string): TaizhangError {
  return new TaizhangError('bad-file', `无法导入“${name}”：${what}`);
}

function utf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

/** An OLE compound file: Excel's password-protected .xlsx, or a 97-2003 .xls. */
function describeOle(bytes: Buffer, name: string): TaizhangError {
  if (bytes.includes(utf16('EncryptedPackage')) || bytes.includes(utf16('EncryptionInfo'))) {
    return badFile(name, '文件设有打开密码（已加密），无法读取。请在 Excel 中打开，取消“用密码进行加密”后保存，再导入');
  }
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book'))) {
    return badFile(name, `这是旧版 Excel 97-2003 工作簿（.xls），不是 .xlsx。${SAVE_AS}`);
  }
  return badFile(name, `这是 Office 旧格式文件（如 .doc），不是 Excel 工作簿。${SAVE_AS}`);
}

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  return !head.toString('utf8').includes('\uFFFD');
}

function describeNonZip(bytes: Buffer, name: string): TaizhangError {
  const head = bytes.subarray(0, 4096);
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('%PDF')) return badFile(name, '这是 PDF 文件，不是 Excel 工作簿');
  if (start.startsWith('<')) {
    return badFile(name, `这是网页或 XML 文件（有些系统导出的“Excel”其实是网页），不是 .xlsx 工作簿。${SAVE_AS}`);
  }
  if (looksLikeText(head)) return badFile(name, `这是文本文件（如 CSV），不是 .xlsx 工作簿。${SAVE_AS}`);
  return badFile(name, '文件已损坏或不是 Excel 工作簿（无法识别的文件格式）');
}

/** An archive that is sound but holds no workbook: a renamed .docx, .pptx or .ods. */
function describeForeignZip(names: Set<string>, name: string): TaizhangError {
  if (names.has('word/document.xml')) return badFile(name, '这是 Word 文档（.docx），不是 Excel 工作簿');
  if (names.has('ppt/presentation.xml')) return badFile(name, '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿');
  if (names.has('mimetype') && names.has('content.xml')) {
    return badFile(name, `这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿。${SAVE_AS}`);
  }
  return badFile(name, '这是一个压缩包，但其中没有 Excel 工作簿的内容');
}

function zipProblem(error: ZipCheckError, name: string): TaizhangError {
  switch (error.problem.kind) {
    case 'truncated':
      return badFile(name, '文件不完整（可能下载或复制时中断了），请重新获取原文件');
    case 'encrypted':
      return badFile(name, '文件设有密码，无法读取。请取消密码后保存，再导入');
    case 'too-large':
      return badFile(
        name,
        `文件解压后超过 ${Math.round(MAX_UNPACKED_BYTES / 1024 / 1024)} MB，请拆分成几个文件分别导入`,
      );
    case 'too-many-entries':
      return badFile(name, `压缩包中的文件超过 ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} 个，不是正常的 Excel 工作簿`);
    case 'part-too-large':
      return badFile(name, partTooLarge(partLabel(error.problem.entry), error.problem.limit).message);
    case 'corrupt':
      return badFile(
        name,
        `文件已损坏${error.problem.entry ? `（其中的 ${error.problem.entry} 校验失败）` : ''}，请重新获取原文件`,
      );
  }
}

function readSourceBytes(source: WorkbookSource): Buffer {
  if (!('path' in source)) return source.bytes;
  const name = sourceName(source);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source.path);
  } catch {
    throw new TaizhangError('bad-file', `找不到要导入的文件：${path.resolve(source.path)}`);
  }
  if (!stat.isFile()) throw new TaizhangError('bad-file', `“${source.path}”不是文件`);
  if (stat.size > MAX_FILE_BYTES) throw badFile(name, `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后分别导入`);
  try {
    return fs.readFileSync(source.path);
  } catch (error) {
    throw badFile(name, `读取失败：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A workbook whose archive has been checked whole, with its sheets and parts listed. */
export interface CheckedWorkbook extends WorkbookIndex {
  bytes: Buffer;
  entries: Map<string, ZipEntry>;
}

/**
 * Reads the file's bytes and makes sure they are a sound .xlsx before any parser sees them.
 * Every other kind of file ends here with a Chinese sentence saying what it is and what to do.
 */
export async function loadWorkbook(source: WorkbookSource): Promise<CheckedWorkbook> {
  const name = sourceName(source);
  const bytes = readSourceBytes(source);
  if (bytes.length === 0) throw badFile(name, '文件是空的（0 字节）');
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC)) throw describeOle(bytes, name);
  const signature = bytes.length >= 4 ? bytes.readUInt32LE(0) : 0;
  if (signature !== 0x04034b50 && signature !== 0x06054b50) throw describeNonZip(bytes, name);
  const indexer = sheetIndexer();
  let entries: Map<string, ZipEntry>;
  try {
    entries = new Map((await verifyZip(bytes, indexer.observer)).entries.map((e) => [e.name, e]));
  } catch (error) {
    if (error instanceof ZipCheckError) throw zipProblem(error, name);
    throw error;
  }
  const names = new Set(entries.keys());
  if (!names.has('xl/workbook.xml')) throw describeForeignZip(names, name);
  let index: WorkbookIndex;
  try {
    index = indexer.index();
  } catch (error) {
    if (error instanceof ReadLimitError) throw badFile(name, error.message);
    throw badFile(
      name,
      `工作簿的目录（xl/workbook.xml）已损坏，无法解析（${String((error as Error).message).slice(0, 120)}）`,
    );
  }
  const sheets = index.sheets.filter((s) => entries.has(s.path));
  if (sheets.length === 0) throw badFile(name, '工作簿中没有可读取的工作表');
  return { ...index, sheets, bytes, entries };
}
