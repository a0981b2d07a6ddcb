// Builds the app when build/ is missing or older than its sources. Shared by `npm start`, the
// browser journeys and the benchmark, so all three agree on when a build is needed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'messages', 'static', 'package.json', 'vite.config.ts'];

/** Newest modification time under a path; generated messages are skipped (the build rewrites them). @param {string} path */
function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let max = 0;
	for (const entry of readdirSync(path)) if (entry !== 'paraglide') max = Math.max(max, newest(join(path, entry)));
	return max;
}

/** @param {string} root */
export function buildIsStale(root) {
	const built = join(root, 'build/handler.js');
	if (!existsSync(built)) return true;
	const at = statSync(built).mtimeMs;
	return SOURCES.some((p) => newest(join(root, p)) > at);
}

/**
 * @param {string} root
 * @param {{ quiet?: boolean }} [options] quiet: print the build's output only when it fails
 * @returns {boolean} whether a build ran
 */
export function buildIfStale(root, { quiet = false } = {}) {
	if (!buildIsStale(root)) return false;
	const vite = join(root, 'node_modules/vite/bin/vite.js');
	try {
		// Always a production build: Vitest sets NODE_ENV=test, and a build that inherits it compiles
		// Svelte in development mode (every element checked as it renders), which the journeys would
		// then test and the bench measure instead of what is deployed.
		execFileSync(process.execPath, [vite, 'build'], {
			cwd: root,
			env: { ...process.env, NODE_ENV: 'production' },
			stdio: quiet ? 'pipe' : 'inherit',
			maxBuffer: 64 * 1024 * 1024
		});
	} catch (e) {
		const { stdout, stderr } = /** @type {{ stdout?: Buffer; stderr?: Buffer }} */ (e);
		throw new Error(`vite build failed:\n${String(stdout ?? '').slice(-4000)}\n${String(stderr ?? '').slice(-4000)}`, { cause: e });
	}
	return true;
}
