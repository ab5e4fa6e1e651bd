import { TaizhangError } from '../store/errors.js';

/**
 * The line a cancelled export ends with, whichever side stops first. It lives apart from the
 * writer so that the host and Electron's main process, which only start and stop exports, never
 * load exceljs.
 */
export function cancelledError(): TaizhangError {
  return new TaizhangError('cancelled', '导出已取消，未生成文件');
}
