import { desc } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { listTerms, pick } from './list-terms.ts';
import { canManageEvents } from './policies.ts';
import { events } from './schema.ts';

/** Every event, drafts and clinics included, for programme staff. */
export async function listManagedEvents(db: Db, actor: Actor, locale: string) {
	ensure(canManageEvents(actor));
	const terms = await listTerms(db);
	const rows = await db.select().from(events).orderBy(desc(events.startsAt)).limit(500);
	return rows.map((e) => ({ ...e, format: pick(terms.all.find((t) => t.id === e.formatId)?.name, locale) }));
}
