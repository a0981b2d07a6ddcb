import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { organisations } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { engagementRequests } from './schema.ts';
import { visibleRequests } from './scope.ts';

/** The request and its partner if the actor may see it; otherwise NOT_FOUND, as if it did not exist. */
export async function findVisibleRequest(db: DbOrTx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const q = db
		.select({ request: engagementRequests, organisation: organisations })
		.from(engagementRequests)
		.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
		.where(and(eq(engagementRequests.id, id), visibleRequests(actor)))
		.limit(1);
	const [row] = opts.lock ? await q.for('update', { of: engagementRequests }) : await q;
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return row;
}
export type EngagementRequest = typeof engagementRequests.$inferSelect;
