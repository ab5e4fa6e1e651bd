import { TaizhangError } from '../store/errors.js';

/** How a cancelled import ends, wherever it is stopped: in the worker's loop or by the parent. */
export function importCancelled(): TaizhangError {
  return new TaizhangError('cancelled', '导入已取消，没有写入任何记录');
}
