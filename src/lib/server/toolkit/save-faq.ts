import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { faqInput } from '../../validation/toolkit.ts';
import { canManageLibrary } from './policies.ts';
import { faqs } from './schema.ts';

export async function createFaq(db: Db, actor: Actor, raw: unknown) {
	ensure(canManageLibrary(actor));
	const input = parseInput(faqInput, raw);
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(faqs).values(input).returning();
		await recordActivity(tx, actor, { subjectType: 'faq', subjectId: row.id, action: 'created', changes: { question: { from: null, to: row.questionEn } } });
		return row;
	});
}

export async function updateFaq(db: Db, actor: Actor, id: string, raw: unknown) {
	ensure(canManageLibrary(actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const input = parseInput(faqInput, raw);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(faqs).where(eq(faqs.id, id));
		if (!before) throw new DomainError('NOT_FOUND', m.e_not_found());
		const [after] = await tx.update(faqs).set(input).where(eq(faqs.id, id)).returning();
		await recordActivity(tx, actor, { subjectType: 'faq', subjectId: id, action: 'updated', changes: diff(before, input) });
		return after;
	});
}

export async function deleteFaq(db: Db, actor: Actor, id: string) {
	ensure(canManageLibrary(actor));
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	return db.transaction(async (tx) => {
		const [gone] = await tx.delete(faqs).where(eq(faqs.id, id)).returning();
		if (!gone) throw new DomainError('NOT_FOUND', m.e_not_found());
		await recordActivity(tx, actor, { subjectType: 'faq', subjectId: id, action: 'deleted', changes: { question: { from: gone.questionEn, to: null } } });
		return { removed: true };
	});
}
