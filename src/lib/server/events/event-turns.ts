import type { Db } from '../db/types.ts';

/**
 * Changes to one event's seats, taken in turn inside this instance.
 *
 * Each change locks the event's row (`lockEvent`), so the database already lets them through one
 * at a time, and stays the only guarantee: other instances on the same database have turns of
 * their own. What the turns add is where the wait happens. Without them, every registration of a
 * burst took a pooled connection first and then waited on the row lock while holding it, so a
 * few hundred people registering for one training at once used up the pool, and the last ones
 * waited longer than the connection timeout (answered 503). In turn, the waiting is a promise in
 * memory: at most one connection per event and instance waits on the lock, and the rest of the
 * pool keeps serving everyone else.
 */
const turns = new WeakMap<Db, Map<string, Promise<void>>>();

export function inEventTurn<T>(db: Db, eventId: string, work: () => Promise<T>): Promise<T> {
	let queues = turns.get(db);
	if (!queues) turns.set(db, (queues = new Map()));
	const key = eventId.toLowerCase();
	const previous = queues.get(key);
	const result = previous ? previous.then(work) : work();
	// The next change waits for this one to settle, whether it succeeded or was refused.
	const settled = result.then(
		() => {},
		() => {}
	);
	queues.set(key, settled);
	void settled.then(() => {
		if (queues.get(key) === settled) queues.delete(key);
	});
	return result;
}
