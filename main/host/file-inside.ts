import path from 'node:path';

/**
 * The file a URL path names inside root, or null when the path is malformed or leads outside it
 * (../, encoded dots or slashes). Both the browser host and Electron's app:// scheme serve the
 * renderer through this one check.
 */
export function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return target === root || target.startsWith(root + path.sep) ? target : null;
}
