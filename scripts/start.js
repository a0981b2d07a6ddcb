// `npm start`: builds when the build is missing or older than the sources, then serves.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'build/handler.js');

function newest(path) {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let max = 0;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide') continue;
		max = Math.max(max, newest(join(path, entry)));
	}
	return max;
}

// Settings in .env apply to `npm start` without exporting them by hand.
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

const sources = ['src', 'messages', 'static', 'package.json', 'vite.config.ts'].map((p) => join(root, p));
const stale = !existsSync(built) || sources.some((p) => existsSync(p) && newest(p) > statSync(built).mtimeMs);
if (stale) {
	console.log('Building Support Hub…');
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { stdio: 'inherit', cwd: root });
}
await import('./serve.js');
