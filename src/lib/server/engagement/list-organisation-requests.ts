import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { engagementRequests } from './schema.ts';
import { visibleRequests } from './scope.ts';

/** A partner's requests and outcomes for its page; only what the actor may see. */
export async function listOrganisationRequests(db: DbOrTx, actor: Actor, organisationId: string) {
	return db
		.select({
			id: engagementRequests.id,
			status: engagementRequests.status,
			goal: engagementRequests.goal,
			kinds: engagementRequests.kinds,
			decision: engagementRequests.decision,
			decidedAt: engagementRequests.decidedAt,
			submittedAt: engagementRequests.submittedAt
		})
		.from(engagementRequests)
		.where(and(eq(engagementRequests.organisationId, organisationId), visibleRequests(actor)))
		.orderBy(desc(engagementRequests.updatedAt))
		.limit(50);
}
