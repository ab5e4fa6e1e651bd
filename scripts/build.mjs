// Builds everything the app runs: the CLI and browser host (dist/cli.js), the Electron main
// process and preload (dist/electron/), and the renderer (dist/renderer/, by Vite).
import fs from 'node:fs';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { NODE_COMMON as common, WORKER_ENTRIES, cliBundleOptions } from './node-entries.mjs';

// Chunks are named by their content: those of earlier builds would pile up in dist/ (and the installer).
for (const name of fs.existsSync('dist') ? fs.readdirSync('dist') : []) {
  if (name.startsWith('chunk-')) fs.rmSync(`dist/${name}`);
}
await build(cliBundleOptions('dist'));

await build({
  ...common,
  entryPoints: { main: 'main/electron/main.ts', ...WORKER_ENTRIES },
  format: 'cjs',
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  packages: 'external',
  // The worker entries find their own file through import.meta.url or, in this CJS build, __dirname.
  logOverride: { 'empty-import-meta': 'silent' },
});

// A sandboxed preload can require only 'electron', so everything else is bundled in.
await build({
  ...common,
  entryPoints: { preload: 'main/electron/preload.ts' },
  format: 'cjs',
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
