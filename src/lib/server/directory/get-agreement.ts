import { asc, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { agreementStatus, todayIso } from './agreement-status.ts';
import { findVisibleOrganisation, isUuid } from './find-organisation.ts';
import { canSeePrivate } from './policies.ts';
import { agreementDocuments, agreements } from './schema.ts';

/** An agreement is private to its organisation: hidden ones answer NOT_FOUND. */
export async function getAgreement(db: DbOrTx, actor: Actor, agreementId: string) {
	if (!isUuid(agreementId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [agreement] = await db.select().from(agreements).where(eq(agreements.id, agreementId)).limit(1);
	if (!agreement) throw new DomainError('NOT_FOUND', m.e_not_found());
	const org = await findVisibleOrganisation(db, actor, agreement.organisationId);
	if (!canSeePrivate(actor, org).allowed) throw new DomainError('NOT_FOUND', m.e_not_found());
	const documents = await db
		.select()
		.from(agreementDocuments)
		.where(eq(agreementDocuments.agreementId, agreement.id))
		.orderBy(asc(agreementDocuments.createdAt));
	return {
		agreement: { ...agreement, displayStatus: agreementStatus(agreement.status, agreement.endDate, todayIso()) },
		organisation: org,
		documents
	};
}
