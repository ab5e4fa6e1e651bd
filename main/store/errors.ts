import type { FieldError } from '../../shared/validation.js';

export type ErrorCode =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'bad-file'
  | 'newer-file'
  | 'bad-request'
  | 'cancelled'
  | 'busy'
  | 'internal';

/** An error meant for the user: its message is Chinese and says what and where. */
export class TaizhangError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = 'TaizhangError';
  }
}
