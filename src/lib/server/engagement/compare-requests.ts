import { m } from '#lib/paraglide/messages.js';
import { COMPARE_LIMIT } from '../../engagement-codes.ts';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { getConsolidation } from './get-consolidation.ts';
import { getRequest } from './get-request.ts';
import { canSeePortfolio } from './policies.ts';

/** Up to four requests side by side, each with its consolidated result. */
export async function compareRequests(db: DbOrTx, actor: Actor, ids: string[]) {
	ensure(canSeePortfolio(actor));
	const unique = [...new Set(ids)];
	if (!unique.length || unique.length > COMPARE_LIMIT)
		throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { ids: [m.eng_v_compare_count({ max: String(COMPARE_LIMIT) })] });
	return Promise.all(
		unique.map(async (id) => {
			const view = await getRequest(db, actor, id);
			const c = await getConsolidation(db, actor, id);
			return { ...view, set: c.set, result: c.result };
		})
	);
}
