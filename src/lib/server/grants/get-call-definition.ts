import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { loadCallDefinition } from './call-record.ts';
import { canRunCalls } from './policies.ts';

/**
 * A call's whole definition for the staff who build it, with the token a save must quote back
 * (`version`) and the version applications start on now (`publishedVersion`).
 */
export async function getCallDefinition(db: DbOrTx, actor: Actor, id: string) {
	ensure(canRunCalls(actor));
	const { call, definition } = await loadCallDefinition(db, id);
	return { id: call.id, status: call.status, version: call.version, publishedVersion: call.publishedVersion, definition };
}
