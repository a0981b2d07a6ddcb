import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { criteriaSetById, currentCriteriaSet } from './criteria-set.ts';
import { canReadCriteria } from './policies.ts';

/** One version by id, or the current one when asked for 'current'. */
export async function getCriteriaSet(db: Db, actor: Actor, id: string) {
	ensure(canReadCriteria(actor));
	if (id === 'current') return db.transaction((tx) => currentCriteriaSet(tx, actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	return criteriaSetById(db, id);
}
