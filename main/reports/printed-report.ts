import type { ComposedReport } from './compose.js';

/** A composed report with the choices of how it is signed, which the .docx and the preview print alike. */
export interface PrintedReport extends ComposedReport {
  /** 加盖印章 (GB/T 9704-2012 7.3.5.1), else the layout without a seal (7.3.5.2). */
  sealed: boolean;
}
