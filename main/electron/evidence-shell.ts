import { app, BrowserWindow, dialog, shell } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import type { EvidenceShell } from '../attachments/api-handlers.js';

const EVIDENCE_FILTERS: Electron.FileFilter[] = [
  {
    name: '照片、扫描件、PDF、Word/Excel',
    extensions: [
      'jpg',
      'jpeg',
      'png',
      'gif',
      'webp',
      'bmp',
      'heic',
      'tif',
      'tiff',
      'pdf',
      'doc',
      'docx',
      'xls',
      'xlsx',
      'ppt',
      'pptx',
      'wps',
      'txt',
      'mp4',
      'mp3',
      'zip',
    ],
  },
  { name: '所有文件', extensions: ['*'] },
];

/**
 * Evidence files in the desktop app: picked with the system's open dialog, and opened with the
 * system's viewer from a copy under their original name (stored files are named by hash and have
 * no extension for the viewer to go by). The copies hold minors' data, so they live in one private
 * folder that goes when the app quits.
 */
export function desktopEvidenceShell(): EvidenceShell {
  let viewFolder: string | null = null;
  app.on('will-quit', () => {
    if (viewFolder) fs.rmSync(viewFolder, { recursive: true, force: true });
  });
  return {
    async pickFiles(title) {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options: Electron.OpenDialogOptions = {
        title,
        buttonLabel: '附上',
        properties: ['openFile', 'multiSelections'],
        filters: EVIDENCE_FILTERS,
      };
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? [] : choice.filePaths;
    },
    async open(storedFile, name) {
      viewFolder ??= fs.mkdtempSync(path.join(os.tmpdir(), `taizhang-view-${process.pid}-`));
      // One folder per opening, so two files of the same name never overwrite a copy still open.
      const folder = fs.mkdtempSync(path.join(viewFolder, 'f'));
      const copy = path.join(folder, path.basename(name));
      try {
        fs.copyFileSync(storedFile, copy);
        fs.chmodSync(copy, 0o600);
      } catch {
        throw new TaizhangError('bad-file', `附件“${name}”的文件找不到或无法读取：请从备份恢复，或运行检测查看详情`);
      }
      const problem = await shell.openPath(copy);
      if (problem) throw new TaizhangError('bad-file', `无法打开附件“${name}”：这台电脑上没有能打开这种文件的程序`);
    },
  };
}
