import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { grantApplications, grantAwards, grantCalls } from './schema.ts';
import { visibleApplications } from './scope.ts';

/**
 * The partner page's grants section: the organisation's applications and grants that the viewer
 * may see. Null (the section is left out) when there are none to show.
 */
export async function listOrganisationGrants(db: DbOrTx, actor: Actor, organisationId: string) {
	const rows = await db
		.select({
			id: grantApplications.id,
			title: grantApplications.title,
			status: grantApplications.status,
			callTitle: grantCalls.title,
			currency: grantCalls.currency,
			awarded: grantAwards.amount
		})
		.from(grantApplications)
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.leftJoin(grantAwards, eq(grantAwards.applicationId, grantApplications.id))
		.where(and(eq(grantApplications.organisationId, organisationId), visibleApplications(actor)))
		.orderBy(desc(grantApplications.createdAt))
		.limit(100);
	return rows.length ? rows : null;
}
