// Starts test/unit/worker-pool-fixture.ts from its TypeScript source, as the *-worker-dev.mjs files do.
import { register } from 'tsx/esm/api';

register();
await import('./worker-pool-fixture.ts');
