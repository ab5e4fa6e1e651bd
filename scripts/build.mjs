// Builds everything the app runs: the CLI and browser host (dist/cli.js), the Electron main
// process and preload (dist/electron/), and the renderer (dist/renderer/, by Vite).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  // The workers sit beside the CLI: main/export/worker-entry.ts, main/import/worker-entry.ts,
  // main/reports/report-in-worker.ts and main/archive/archive-in-worker.ts look there.
  entryPoints: {
    cli: 'main/cli/main.ts',
    'export-worker': 'main/export/export-worker.ts',
    'import-worker': 'main/import/import-worker.ts',
    'report-worker': 'main/reports/report-worker.ts',
    'archive-worker': 'main/archive/archive-worker.ts',
  },
  format: 'esm',
  outdir: 'dist',
  // Dependencies load from node_modules at run time (better-sqlite3 is native).
  packages: 'external',
});

await build({
  ...common,
  entryPoints: {
    main: 'main/electron/main.ts',
    'export-worker': 'main/export/export-worker.ts',
    'import-worker': 'main/import/import-worker.ts',
    'report-worker': 'main/reports/report-worker.ts',
    'archive-worker': 'main/archive/archive-worker.ts',
  },
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
