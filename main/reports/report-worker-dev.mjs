// Starts the report worker from the TypeScript sources (vitest, tsx scripts). A build emits a
// compiled report-worker.js beside its bundle instead, and report-in-worker.ts picks that one.
import { register } from 'tsx/esm/api';

register();
await import('./report-worker.ts');
