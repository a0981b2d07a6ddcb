import { eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { listingInput } from '../../validation/directory.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canSetListing } from './policies.ts';
import { organisations } from './schema.ts';

/**
 * Records whether the partner agreed to be named on the public "Partners and impact" page. The
 * agreement is kept while a partner is sensitive, but the public page never lists a sensitive one.
 */
export async function setPublicListing(db: Db, actor: Actor, id: string, raw: unknown) {
	ensure(canSetListing(actor));
	const { listed } = parseInput(listingInput, raw);
	return db.transaction(async (tx) => {
		const before = await findVisibleOrganisation(tx, actor, id);
		if (before.listedPublicly === listed) return before;
		const [after] = await tx.update(organisations).set({ listedPublicly: listed }).where(eq(organisations.id, id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'organisation',
			subjectId: id,
			organisationId: id,
			action: 'listing_changed',
			changes: { listedPublicly: { from: before.listedPublicly, to: listed } }
		});
		return after;
	});
}
