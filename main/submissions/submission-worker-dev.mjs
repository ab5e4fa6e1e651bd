// Starts the submission worker from the TypeScript sources (vitest, tsx scripts). A build emits a
// compiled submission-worker.js beside its bundle instead, and submission-in-worker.ts picks that one.
import { register } from 'tsx/esm/api';

register();
await import('./submission-worker.ts');
