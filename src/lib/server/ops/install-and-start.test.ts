// What an operator meets before the hub runs: a fresh clone installs the same tree on every
// platform, `prepare` fails when it fails, and `npm start` on a Node that is too old says so in
// one line instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
	packages: Record<string, { optionalDependencies?: Record<string, string>; os?: string[]; cpu?: string[] }>;
};

describe('installing and starting', () => {
	it('the lockfile holds every optional package of every platform, so npm adds nothing on macOS, Windows or ARM', () => {
		const missing: string[] = [];
		for (const [path, entry] of Object.entries(lock.packages)) {
			for (const name of Object.keys(entry.optionalDependencies ?? {})) {
				// npm resolves a dependency in the nearest node_modules up from the package.
				const candidates: string[] = [];
				for (let at = path; ; at = at.slice(0, at.lastIndexOf('/node_modules/'))) {
					candidates.push(`${at ? `${at}/` : ''}node_modules/${name}`);
					if (!at.includes('/node_modules/')) break;
				}
				candidates.push(`node_modules/${name}`);
				if (!candidates.some((c) => c in lock.packages)) missing.push(`${path || '(root)'} → ${name}`);
			}
		}
		expect(missing).toEqual([]);
		const platforms = new Set(Object.values(lock.packages).flatMap((e) => (e.os ?? []).flatMap((os) => (e.cpu ?? ['any']).map((cpu) => `${os}-${cpu}`))));
		for (const p of ['darwin-arm64', 'darwin-x64', 'win32-x64', 'linux-arm64', 'linux-x64']) expect(platforms.has(p), p).toBe(true);
	});

	it('prepare stops on a failed message compile instead of hiding it', () => {
		expect(pkg.scripts.prepare).not.toMatch(/\|\||;\s*true|echo/);
	});

	it('npm start on a Node older than the engines range stops at once with one clear line', () => {
		// The start script reads the running Node's version; this makes it read an old one.
		const pretend = `data:text/javascript,Object.defineProperty(process,'versions',{value:{...process.versions,node:'20.11.1'}})`;
		const r = spawnSync(process.execPath, ['--import', pretend, 'scripts/start.js'], { cwd: root, encoding: 'utf8', timeout: 20_000, env: { ...process.env, PORT: '1' } });
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr.trim().split('\n')).toEqual([`Support Hub needs Node ${pkg.engines.node}; this is Node 20.11.1. Install a newer Node and run npm start again.`]);
	});
});
