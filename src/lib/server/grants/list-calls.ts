import { asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { canRunCalls } from './policies.ts';
import { grantCalls, grantProgrammes } from './schema.ts';

/** Every call for the staff who run them, archived ones only when asked. */
export async function listCalls(db: DbOrTx, actor: Actor, opts: { archived?: boolean } = {}) {
	ensure(canRunCalls(actor));
	return db
		.select({
			id: grantCalls.id,
			slug: grantCalls.slug,
			title: grantCalls.title,
			status: grantCalls.status,
			rolling: grantCalls.rolling,
			opensAt: grantCalls.opensAt,
			closesAt: grantCalls.closesAt,
			programme: grantProgrammes.name
		})
		.from(grantCalls)
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.where(opts.archived ? undefined : ne(grantCalls.status, 'archived'))
		.orderBy(asc(grantCalls.status), asc(grantCalls.slug));
}
