import { desc, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { DEFAULT_BANDS, DEFAULT_CRITERIA, DEFAULT_GATE } from './default-criteria.ts';
import { criteriaSets } from './schema.ts';

export type CriteriaSet = typeof criteriaSets.$inferSelect;

/**
 * The newest criteria version. A hub starts with the seeded eleven criteria: the first time a set
 * is needed, version 1 is written (a concurrent first call loses on the unique version and rereads).
 */
export async function currentCriteriaSet(db: DbOrTx, actor: Actor): Promise<CriteriaSet> {
	const [latest] = await db.select().from(criteriaSets).orderBy(desc(criteriaSets.version)).limit(1);
	if (latest) return latest;
	const [created] = await db
		.insert(criteriaSets)
		.values({ version: 1, criteria: DEFAULT_CRITERIA, bands: DEFAULT_BANDS, gate: DEFAULT_GATE, note: '' })
		.onConflictDoNothing()
		.returning();
	if (created)
		await recordActivity(db, actor, { subjectType: 'criteria_set', subjectId: created.id, action: 'created', changes: { version: { from: null, to: 1 } } });
	return created ?? (await db.select().from(criteriaSets).orderBy(desc(criteriaSets.version)).limit(1))[0];
}

export async function criteriaSetById(db: DbOrTx, id: string): Promise<CriteriaSet> {
	const [set] = await db.select().from(criteriaSets).where(eq(criteriaSets.id, id)).limit(1);
	if (!set) throw new DomainError('NOT_FOUND', m.e_not_found());
	return set;
}

/** Only the current bands, for lists that name them: the whole set is large and not needed there. */
export async function currentBands(db: DbOrTx, actor: Actor) {
	const [latest] = await db.select({ bands: criteriaSets.bands }).from(criteriaSets).orderBy(desc(criteriaSets.version)).limit(1);
	return latest?.bands ?? (await db.transaction((tx) => currentCriteriaSet(tx, actor))).bands;
}
