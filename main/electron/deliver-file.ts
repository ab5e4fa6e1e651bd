import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import type { DeliverFile } from '../export/delivery.js';
import { moveIntoPlace, withXlsxExtension } from '../export/copy-into-place.js';

/**
 * The desktop delivery of a finished export: the system save dialog, offering the default name in
 * the user's Documents folder. The dialog itself confirms replacing an existing file; a name typed
 * without .xlsx gets it added, and then an existing file of that name is not replaced unasked.
 */
export const deliverWithSaveDialog: DeliverFile = async (file) => {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options: Electron.SaveDialogOptions = {
    title: '保存导出的 Excel 表格',
    defaultPath: path.join(app.getPath('documents'), file.fileName),
    buttonLabel: '保存',
    filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { cancelled: true };
  const target = withXlsxExtension(choice.filePath);
  moveIntoPlace(file.path, target, target === choice.filePath);
  return { savedTo: target };
};
