import { fetchFromHost } from '../../api.js';
import { saveBlob } from '../downloadBase64.js';

/**
 * Saves the file behind a download link from the core. The host wants the session token, which
 * a followed link cannot carry, so the page fetches the bytes and saves them itself.
 */
export async function saveFromUrl(url: string, fileName: string): Promise<void> {
  saveBlob(await fetchFromHost(url, `“${fileName}”`), fileName);
}
