import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'url',
  'stream',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'scratch/**',
      'test-results/**',
      'playwright-report/**',
      '.electron-native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs under plain Node: only main/electron/ may touch Electron.
    files: ['main/**/*.ts', 'shared/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Electron 只能在 main/electron/ 中使用' }] },
      ],
    },
  },
  {
    // shared/ is loaded by the renderer and the sandboxed preload too.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ 不能依赖 Electron' },
            ...nodeBuiltins
              .filter((n) => !n.includes('*'))
              .map((name) => ({ name, message: 'shared/ 不能依赖 Node 模块' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ 不能依赖 Node 模块' },
            { group: ['**/main/**', '../main/*'], message: 'shared/ 不能依赖 main/' },
          ],
        },
      ],
    },
  },
  {
    // The renderer never reaches Node or the main process; it talks through shared/api.ts only.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: '界面不能使用 Electron，请通过 shared/api.ts 调用' },
            ...nodeBuiltins
              .filter((n) => !n.includes('*'))
              .map((name) => ({ name, message: '界面不能使用 Node 模块' })),
            { name: 'better-sqlite3', message: '界面不能直接访问数据库' },
          ],
          patterns: [
            { group: ['node:*'], message: '界面不能使用 Node 模块' },
            {
              group: ['**/main/**', '../main/*', '../../main/*'],
              message: '界面不能引用 main/，请通过 shared/api.ts 调用',
            },
          ],
        },
      ],
    },
  },
);
