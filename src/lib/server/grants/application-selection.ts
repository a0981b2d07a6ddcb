import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { BULK_LIMIT, type ApplicationSelection } from '../../validation/grants-volume.ts';
import { titleQuery } from './list-applications.ts';
import { grantApplications } from './schema.ts';
import { visibleApplications } from './scope.ts';

/**
 * The WHERE condition of a selection: the ticked rows, or everything matching the list's filter
 * (status, call, title words), always within what the actor may see.
 */
export function selectionWhere(actor: Actor, s: Pick<ApplicationSelection, 'status' | 'call' | 'q'> & { scope?: 'selected' | 'filter'; id?: string[] }): SQL {
	const where: SQL[] = [visibleApplications(actor)];
	if (s.scope === 'selected') where.push(s.id?.length ? inArray(grantApplications.id, s.id) : sql`false`);
	if (s.status) where.push(eq(grantApplications.status, s.status));
	if (s.call) where.push(eq(grantApplications.callId, s.call));
	const words = titleQuery(s.q);
	if (words) where.push(sql`${grantApplications.search} @@ to_tsquery('simple', ${words})`);
	return and(...where) as SQL;
}

/**
 * The ids a bulk action covers. Nothing selected, or more than the limit matching, is refused
 * with a message rather than acting on a surprise number of applications.
 */
export async function resolveSelection(db: DbOrTx, actor: Actor, s: ApplicationSelection): Promise<string[]> {
	if (s.scope === 'selected' && !s.id.length) throw new DomainError('INVALID_INPUT', m.vol_e_nothing_selected(), { id: [m.vol_e_nothing_selected()] });
	const rows = await db
		.select({ id: grantApplications.id })
		.from(grantApplications)
		.where(selectionWhere(actor, s))
		.limit(BULK_LIMIT + 1);
	if (!rows.length) throw new DomainError('INVALID_INPUT', m.vol_e_nothing_selected(), { id: [m.vol_e_nothing_selected()] });
	if (rows.length > BULK_LIMIT) throw new DomainError('INVALID_INPUT', m.vol_e_too_many({ max: String(BULK_LIMIT) }), { scope: [m.vol_e_too_many({ max: String(BULK_LIMIT) })] });
	return rows.map((r) => r.id);
}
