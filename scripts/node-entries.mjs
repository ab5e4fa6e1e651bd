// The Node bundles' options and entry points, shared by scripts/build.mjs and the unit tests'
// build of the CLI and its workers (test/setup/build-workers.mjs), so both bundle the same way.

export const NODE_COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

/** Each worker thread's script; the code that starts one looks for it beside its own bundle. */
export const WORKER_ENTRIES = {
  'export-worker': 'main/export/export-worker.ts',
  'import-worker': 'main/import/import-worker.ts',
  'report-worker': 'main/reports/report-worker.ts',
  'archive-worker': 'main/archive/archive-worker.ts',
  'submission-worker': 'main/submissions/submission-worker.ts',
  'records-worker': 'main/records/records-worker.ts',
};

/** The CLI and its workers as ES modules in `outdir` (dist/ in a build). */
export function cliBundleOptions(outdir) {
  return {
    ...NODE_COMMON,
    // The workers sit beside the CLI: main/jobs/worker-file.ts looks there.
    entryPoints: { cli: 'main/cli/main.ts', ...WORKER_ENTRIES },
    format: 'esm',
    // A command's modules (and the packages they import, exceljs among them) load when it runs, so
    // `taizhang --version` or `--help` starts in a fraction of the time.
    splitting: true,
    // Beside the entries, since the worker-file and renderer lookups start from a chunk's folder too.
    chunkNames: 'chunk-[hash]',
    outdir,
    // Dependencies load from node_modules at run time (better-sqlite3 is native).
    packages: 'external',
  };
}
