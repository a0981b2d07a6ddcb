import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * The embedded database is one process's: two processes writing one PGlite directory lose
 * acknowledged writes. The process that opens the directory writes a lock file holding its pid;
 * another (server, seed, migration, backup) then stops at once. A lock left by a process that no
 * longer runs (a kill -9, a power cut) is taken over.
 */
export class DataDirLockedError extends Error {
	/** Read by the start scripts: printed as one line, without a stack trace. */
	readonly exitMessage: string;
	readonly dir: string;
	readonly holder: LockHolder;
	constructor(dir: string, holder: LockHolder) {
		const msg = `Support Hub cannot open ${dir}: it is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}). Stop that process first, or use another DATA_DIR.`;
		super(msg);
		this.name = 'DataDirLockedError';
		this.exitMessage = msg;
		this.dir = dir;
		this.holder = holder;
	}
}

type LockHolder = { pid: number; host: string; since: string; startTicks?: string; command?: string };

const LOCK_NAME = 'support-hub.lock';

/** The process's start time in clock ticks since boot (Linux), so that a reused pid is not mistaken for the holder. */
function startTicks(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/**
 * Whether the process named in a lock still runs: its pid exists and (on Linux) started when the
 * lock says. The start time matters in containers, where the server is pid 1 every time: a lock
 * left by the previous container's pid 1 is stale. The host name is only reported, not compared,
 * because a container gets a new one on each start.
 */
function isAlive(holder: LockHolder): boolean {
	try {
		process.kill(holder.pid, 0);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	const ticks = startTicks(holder.pid);
	return !(holder.startTicks && ticks && ticks !== holder.startTicks);
}

function readHolder(file: string): LockHolder | undefined {
	try {
		const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
		return Number.isInteger(h.pid) ? h : undefined;
	} catch {
		return undefined;
	}
}

function ageMs(file: string): number {
	try {
		return Date.now() - statSync(file).mtimeMs;
	} catch {
		return Infinity;
	}
}

function tryCreate(file: string): boolean {
	let fd: number;
	try {
		fd = openSync(file, 'wx', 0o600);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw e;
	}
	const me: LockHolder = {
		pid: process.pid,
		host: hostname(),
		since: new Date().toISOString(),
		startTicks: startTicks(process.pid),
		command: process.argv.slice(1, 3).join(' ')
	};
	writeSync(fd, JSON.stringify(me) + '\n');
	closeSync(fd);
	return true;
}

/** Takes the directory's lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dir: string): () => void {
	const file = join(dir, LOCK_NAME);
	const takeover = file + '.takeover';
	for (let attempt = 0; attempt < 5; attempt++) {
		if (tryCreate(file)) {
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				process.off('exit', release);
				if (readHolder(file)?.pid === process.pid) unlinkSync(file);
			};
			process.on('exit', release);
			return release;
		}
		const holder = readHolder(file);
		if (!holder && ageMs(file) < 5_000) {
			// Just created by another process that has not written its pid yet: not stale.
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
			continue;
		}
		if (holder && isAlive(holder)) throw new DataDirLockedError(dir, holder);
		// Stale (or unreadable half-written) lock. Only one process at a time may take it over, or
		// two could each remove the other's fresh lock; a takeover marker older than 10 s is itself stale.
		if (ageMs(takeover) !== Infinity && ageMs(takeover) > 10_000) {
			try {
				unlinkSync(takeover);
			} catch {
				// removed by another process meanwhile
			}
		}
		if (!tryCreate(takeover)) continue;
		try {
			const again = readHolder(file);
			if (!again || !isAlive(again)) {
				try {
					unlinkSync(file);
				} catch {
					// already gone
				}
			}
		} finally {
			unlinkSync(takeover);
		}
	}
	const holder = readHolder(file);
	throw new DataDirLockedError(dir, holder ?? { pid: 0, host: hostname(), since: 'unknown' });
}
