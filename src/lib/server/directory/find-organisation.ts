import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { organisations } from './schema.ts';
import { visibleOrganisations } from './scope.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/**
 * The organisation if the actor may see it. One that exists but is hidden answers NOT_FOUND,
 * like one that does not exist, so that a sensitive partner's existence is not revealed.
 */
export async function findVisibleOrganisation(db: DbOrTx, actor: Actor, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [org] = await db
		.select()
		.from(organisations)
		.where(and(eq(organisations.id, id), visibleOrganisations(actor)))
		.limit(1);
	if (!org) throw new DomainError('NOT_FOUND', m.e_not_found());
	return org;
}
export type Organisation = Awaited<ReturnType<typeof findVisibleOrganisation>>;
