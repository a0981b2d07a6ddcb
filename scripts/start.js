// `npm start`: builds when the build is missing or older than the sources, then serves.
// Only node: built-ins are imported statically, so that the Node version is checked before
// anything that an older Node cannot run is loaded.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

// An older Node fails deep inside the build with a long stack trace; say so in one line instead.
const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? '';
const min = /^>=\s*(\d+)(?:\.(\d+))?/.exec(wanted);
const [major, minor] = process.versions.node.split('.').map(Number);
if (min && (major < Number(min[1]) || (major === Number(min[1]) && minor < Number(min[2] ?? 0)))) {
	console.error(`Support Hub needs Node ${wanted}; this is Node ${process.versions.node}. Install a newer Node and run npm start again.`);
	process.exit(1);
}

// Settings in .env apply to `npm start` without exporting them by hand.
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

const { buildIfStale, buildIsStale } = await import('./build-if-stale.js');
if (buildIsStale(root)) console.log('Building Support Hub…');
buildIfStale(root);
// The server runs in this very process (not a child of it). npm passes SIGTERM and SIGINT on to
// the shell it started this script with, and that shell may die without passing them further,
// leaving this process an orphan that keeps the port and old code. So losing the parent counts
// as being told to stop: the same graceful shutdown as a signal (scripts/serve.js).
const parent = process.ppid;
await import('./serve.js');
const watch = setInterval(() => {
	if (process.ppid === parent) return;
	clearInterval(watch);
	process.kill(process.pid, 'SIGTERM');
}, 250);
watch.unref();
process.on('SIGHUP', () => process.kill(process.pid, 'SIGTERM'));
