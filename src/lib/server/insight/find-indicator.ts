import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { findSubject } from './find-subject.ts';
import { outcomeIndicators } from './schema.ts';

/** An indicator reached through its subject, so the subject's visibility rule applies. */
export async function findIndicator(db: DbOrTx, actor: Actor, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [indicator] = await db.select().from(outcomeIndicators).where(eq(outcomeIndicators.id, id)).limit(1);
	if (!indicator) throw new DomainError('NOT_FOUND', m.e_not_found());
	const subject = await findSubject(db, actor, indicator.subjectType, indicator.subjectId);
	return { indicator, subject };
}
