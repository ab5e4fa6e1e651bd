import type { ApiOutput } from '../../../../shared/api.js';
import {
  EVIDENCE_MAX_MB,
  EVIDENCE_PATH,
  EVIDENCE_UPLOAD_PATH,
  evidenceTooLargeMessage,
} from '../../../../shared/attachment-api.js';
import { ApiError, fetchFromHost } from '../../api.js';
import { authorization, reportRefusedToken } from '../../session-token.js';

export type Attachment = ApiOutput<'attachments.list'>[number];

/** The desktop app picks and opens files in its main process; the browser host takes them over HTTP. */
export const inDesktopApp = (): boolean => window.taizhang !== undefined;

/** Image types every browser draws, so a thumbnail can be shown; HEIC and TIFF get an icon. */
const DRAWABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp']);
/** A thumbnail fetches the whole file; past this the icon is shown instead. */
const THUMBNAIL_MAX_BYTES = 20 * 1024 * 1024;

export function hasThumbnail(a: Attachment): boolean {
  return DRAWABLE.has(a.mime) && a.size <= THUMBNAIL_MAX_BYTES;
}

/** The stored bytes, fetched with the session token (an <img src> could not send it). */
export function fetchEvidence(a: Attachment): Promise<Blob> {
  return fetchFromHost(`${EVIDENCE_PATH}${a.id}`, `附件“${a.name}”`);
}

/**
 * Sends one file to the host as the raw request body: the browser streams it from disk, so
 * neither the page nor the host holds the whole file. Progress is reported as a fraction 0…1.
 */
export function uploadEvidence(
  recordId: number,
  field: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  if (file.size > EVIDENCE_MAX_MB * 1024 * 1024)
    return Promise.reject(new ApiError('validation', evidenceTooLargeMessage(file.name)));
  const query = new URLSearchParams({ record: String(recordId), field, name: file.name });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${EVIDENCE_UPLOAD_PATH}?${query.toString()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    for (const [name, value] of Object.entries(authorization())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError('offline', `上传“${file.name}”时连接中断，未附上：请确认台账归档仍在运行后重试`));
    xhr.onload = () => {
      if (xhr.status === 401) reportRefusedToken();
      try {
        const result = JSON.parse(xhr.responseText) as
          { ok: true; value: Attachment } | { ok: false; error: { code: string; message: string } };
        if (result.ok) resolve(result.value);
        else reject(new ApiError(result.error.code, result.error.message));
      } catch {
        reject(new ApiError('internal', `上传“${file.name}”失败：台账服务返回了无法识别的内容（HTTP ${xhr.status}）`));
      }
    };
    xhr.send(file);
  });
}

type Listener = (recordId: number) => void;
const listeners = new Set<Listener>();

/** A record's files changed: the records table recounts them. */
export function announceEvidenceChange(recordId: number): void {
  for (const listener of listeners) listener(recordId);
}

export function onEvidenceChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
