// Starts the archive worker from the TypeScript sources (vitest, tsx scripts). A build emits a
// compiled archive-worker.js beside its bundle instead, and archive-in-worker.ts picks that one.
import { register } from 'tsx/esm/api';

register();
await import('./archive-worker.ts');
