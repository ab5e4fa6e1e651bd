import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Every built-in, subpaths such as fs/promises included: a hand-kept list would miss the next one used.
const nodeBuiltins = builtinModules;

/** A pattern for esquery that matches exactly the given module names. */
const exactly = (names) => `^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`;

// electron/package.json is only read for the version and never loads Electron.
const ELECTRON = String.raw`^electron($|\/(?!package\.json$))`;
const NODE = `^node:|${exactly(nodeBuiltins)}`;
const MAIN = String.raw`(^|\/)main\/`;
const SQLITE = exactly(['better-sqlite3']);

/**
 * no-restricted-imports sees only the static forms (`import … from`, `export … from`); these catch
 * the same module names reached any other way: import(), require() and `typeof import()`, with the
 * name written as a string or a template.
 */
function loadsOf(pattern, message) {
  const named = (path) => [`[${path}.value=/${pattern}/]`, `[${path}.quasis.0.value.cooked=/${pattern}/]`];
  return [
    ...named('source').map((s) => `ImportExpression${s}`),
    ...named('arguments.0').map((s) => `CallExpression[callee.type='Identifier'][callee.name='require']${s}`),
    `TSImportType[source.value=/${pattern}/]`,
  ].map((selector) => ({ selector, message }));
}

const electronOnlyInMain = 'Electron 只能在 main/electron/ 中使用';

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
    files: ['main/**/*.{ts,mjs}', 'shared/**/*.ts', 'test/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: electronOnlyInMain }],
          patterns: [{ group: ['electron/*', '!electron/package.json'], message: electronOnlyInMain }],
        },
      ],
      'no-restricted-syntax': ['error', ...loadsOf(ELECTRON, electronOnlyInMain)],
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
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ 不能依赖 Node 模块' })),
          ],
          patterns: [
            { group: ['electron/*'], message: 'shared/ 不能依赖 Electron' },
            { group: ['node:*'], message: 'shared/ 不能依赖 Node 模块' },
            { group: ['**/main/**', '../main/*'], message: 'shared/ 不能依赖 main/' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...loadsOf(ELECTRON, 'shared/ 不能依赖 Electron'),
        ...loadsOf(NODE, 'shared/ 不能依赖 Node 模块'),
        ...loadsOf(MAIN, 'shared/ 不能依赖 main/'),
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
            ...nodeBuiltins.map((name) => ({ name, message: '界面不能使用 Node 模块' })),
            { name: 'better-sqlite3', message: '界面不能直接访问数据库' },
          ],
          patterns: [
            { group: ['electron/*'], message: '界面不能使用 Electron，请通过 shared/api.ts 调用' },
            { group: ['node:*'], message: '界面不能使用 Node 模块' },
            {
              group: ['**/main/**', '../main/*', '../../main/*'],
              message: '界面不能引用 main/，请通过 shared/api.ts 调用',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...loadsOf(ELECTRON, '界面不能使用 Electron，请通过 shared/api.ts 调用'),
        ...loadsOf(NODE, '界面不能使用 Node 模块'),
        ...loadsOf(SQLITE, '界面不能直接访问数据库'),
        ...loadsOf(MAIN, '界面不能引用 main/，请通过 shared/api.ts 调用'),
      ],
    },
  },
);
