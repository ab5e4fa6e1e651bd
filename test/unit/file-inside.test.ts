import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInside } from '../../main/host/file-inside.js';

const root = path.resolve('/srv/renderer');

describe('fileInside', () => {
  it('finds files inside the root, ignoring the query', () => {
    expect(fileInside(root, '/assets/app.js?v=1')).toBe(path.join(root, 'assets', 'app.js'));
    expect(fileInside(root, '/')).toBe(root);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt'])(
    'keeps %s inside the root',
    (urlPath) => {
      const target = fileInside(root, urlPath);
      expect(target === null || target.startsWith(root)).toBe(true);
    },
  );

  it('refuses a malformed escape instead of throwing', () => {
    expect(fileInside(root, '/%E0%A4%A')).toBeNull();
  });
});
