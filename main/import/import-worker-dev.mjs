// Starts the import worker from the TypeScript sources (vitest, tsx scripts). A build emits a
// compiled import-worker.js beside its bundle instead, and worker-entry.ts picks that one.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
