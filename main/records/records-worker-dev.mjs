// Starts the records worker from the TypeScript sources (vitest, tsx scripts). A build emits a
// compiled records-worker.js beside its bundle instead, and records-in-worker.ts picks that one.
import { register } from 'tsx/esm/api';

register();
await import('./records-worker.ts');
