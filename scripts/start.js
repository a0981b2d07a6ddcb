// `npm start`: builds when the build is missing or older than the sources, then serves.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, buildIsStale } from './build-if-stale.js';

const root = new URL('..', import.meta.url).pathname;

// Settings in .env apply to `npm start` without exporting them by hand.
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

if (buildIsStale(root)) console.log('Building Support Hub…');
buildIfStale(root);
await import('./serve.js');
