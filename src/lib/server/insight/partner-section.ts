import { eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { OrganisationView } from '../directory/get-organisation.ts';
import type { Actor } from '../identity/actor.ts';
import { indicatorSummaries } from './indicator-summaries.ts';
import { listImpactAreas } from './list-impact-areas.ts';
import { canSeeOutcomes } from './policies.ts';
import { outcomeIndicators } from './schema.ts';

/** The partner page's "outcomes" section: every indicator across its support, for staff and its members. */
export async function partnerOutcomesSection(db: Db, actor: Actor, view: OrganisationView) {
	if (!canSeeOutcomes(actor, view.org.id).allowed) return null;
	const [items, areas] = await Promise.all([indicatorSummaries(db, eq(outcomeIndicators.organisationId, view.org.id)), listImpactAreas(db)]);
	return { items, areas };
}
