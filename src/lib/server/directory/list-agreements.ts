import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { agreementStatus, todayIso } from './agreement-status.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canSeePrivate } from './policies.ts';
import { agreementDocuments, agreements } from './schema.ts';

export async function listAgreements(db: Db, actor: Actor, organisationId: string) {
	const org = await findVisibleOrganisation(db, actor, organisationId);
	ensure(canSeePrivate(actor, org));
	const rows = await db
		.select()
		.from(agreements)
		.where(eq(agreements.organisationId, org.id))
		.orderBy(desc(agreements.startDate));
	const docs = rows.length
		? await db
				.select()
				.from(agreementDocuments)
				.where(inArray(agreementDocuments.agreementId, rows.map((r) => r.id)))
		: [];
	const today = todayIso();
	return rows.map((r) => ({
		...r,
		displayStatus: agreementStatus(r.status, r.endDate, today),
		documents: docs.filter((d) => d.agreementId === r.id)
	}));
}
