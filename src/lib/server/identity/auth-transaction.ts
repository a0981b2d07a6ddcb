import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Tx } from '../db/types.ts';

type Scope = { tx: Tx; failure?: unknown };
const scopes = new AsyncLocalStorage<Scope>();

/**
 * The handle the auth library is given: every statement it (or one of its mail callbacks) runs
 * goes to the transaction of the current `inAuthTransaction`, when there is one, and to the
 * database otherwise. Resolved per statement, so concurrent requests never share a transaction.
 */
export function scopedDb(db: Db): Db {
	return new Proxy(db, {
		get(target, prop) {
			const current = (scopes.getStore()?.tx ?? target) as object;
			const value = Reflect.get(current, prop, current);
			return typeof value === 'function' ? value.bind(current) : value;
		}
	});
}

/**
 * Runs an auth-library call and the mail it owes in one transaction: the account or reset token
 * it writes and the outbox row commit together or not at all. The library calls its mail
 * callbacks after its own work and only logs their errors; a mail that could not be queued is
 * remembered here and rethrown, so the transaction rolls back instead of keeping a change whose
 * mail was never written.
 */
export async function inAuthTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		const scope: Scope = { tx };
		const result = await scopes.run(scope, work);
		if (scope.failure !== undefined) throw scope.failure;
		return result;
	});
}

/** Queues mail from an auth-library callback; a failure fails the surrounding transaction. */
export async function owedMail(queue: () => Promise<unknown>): Promise<void> {
	try {
		await queue();
	} catch (e) {
		const scope = scopes.getStore();
		if (scope) scope.failure ??= e;
		throw e;
	}
}
