import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const root = new URL('../../../..', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
	const d = mkdtempSync(join(tmpdir(), 'sh-lock-'));
	dirs.push(d);
	return d;
};
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A pid that certainly ran and has ended: a child that exited. */
function deadPid(): number {
	const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(r.stdout);
}

describe('the embedded data directory is locked by the process that opens it', () => {
	it('a second process (the seed script) stops at once with one clear line, and the data is untouched', () => {
		const dataDir = tempDir();
		const pgliteDir = join(dataDir, 'pglite');
		mkdirSync(pgliteDir, { recursive: true });
		const release = lockDataDir(pgliteDir);
		try {
			const t0 = Date.now();
			const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', join(root, 'scripts/seed.ts')], {
				cwd: root,
				env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
				encoding: 'utf8',
				timeout: 60_000
			});
			expect(r.status).toBe(1);
			const lines = r.stderr.trim().split('\n');
			expect(lines).toEqual([expect.stringContaining(`it is in use by process ${process.pid}`)]);
			expect(r.stdout).not.toMatch(/Demo data loaded/);
			// Refused before PGlite started (which alone takes over a second).
			expect(Date.now() - t0).toBeLessThan(20_000);
			expect(existsSync(join(pgliteDir, 'PG_VERSION'))).toBe(false);
		} finally {
			release();
		}
		expect(existsSync(join(pgliteDir, 'support-hub.lock'))).toBe(false);
	}, 60_000);

	it('refuses a second opener in the same process too, naming the holder', () => {
		const dir = tempDir();
		const release = lockDataDir(dir);
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
		release();
		lockDataDir(dir)();
	});

	it('takes over a lock left by a process that no longer runs', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'support-hub.lock'), JSON.stringify({ pid: deadPid(), host: hostname(), since: '2020-01-01T00:00:00Z' }));
		const release = lockDataDir(dir);
		expect(JSON.parse(readFileSync(join(dir, 'support-hub.lock'), 'utf8')).pid).toBe(process.pid);
		release();
	});

	it.skipIf(!existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to another process (a container restarted as pid 1)', () => {
		const dir = tempDir();
		// This process's pid with another start time: the pid was reused, the holder is gone.
		writeFileSync(join(dir, 'support-hub.lock'), JSON.stringify({ pid: process.pid, host: 'old-container', since: '2020-01-01T00:00:00Z', startTicks: '1' }));
		const release = lockDataDir(dir);
		expect(JSON.parse(readFileSync(join(dir, 'support-hub.lock'), 'utf8')).startTicks).not.toBe('1');
		release();
	});

	it('respects a lock held by a live process', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'support-hub.lock'), JSON.stringify({ pid: process.ppid, host: 'elsewhere', since: '2020-01-01T00:00:00Z' }));
		expect(() => lockDataDir(dir)).toThrow(/in use by process \d+ on elsewhere/);
	});
});
