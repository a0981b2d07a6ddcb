/**
 * For command-line scripts: an error meant for the operator (invalid configuration, a data
 * directory in use) is printed as its one line and the script stops, without a stack trace.
 */
export function orExit<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		const line = (e as { exitMessage?: unknown })?.exitMessage;
		if (typeof line !== 'string') throw e;
		console.error(line);
		process.exit(1);
	}
}
