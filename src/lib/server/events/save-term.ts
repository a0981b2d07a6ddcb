import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { termInput } from '../../validation/events.ts';
import { canManageEvents } from './policies.ts';
import { eventTerms } from './schema.ts';

/** Adds a format, level or topic, or (with an id) edits one; the code is unique within its kind. */
export async function saveTerm(db: Db, actor: Actor, id: string | null, raw: unknown) {
	ensure(canManageEvents(actor));
	const i = parseInput(termInput, raw);
	const values = {
		kind: i.kind,
		code: i.code,
		name: { en: i.nameEn, es: i.nameEs, fr: i.nameFr },
		description: { en: i.descriptionEn, es: i.descriptionEs, fr: i.descriptionFr },
		defaultCapacity: i.defaultCapacity || null,
		approvalByDefault: i.approvalByDefault,
		byRequest: i.byRequest,
		position: i.position
	};
	return db.transaction(async (tx) => {
		const [clash] = await tx.select({ id: eventTerms.id }).from(eventTerms).where(and(eq(eventTerms.kind, i.kind), eq(eventTerms.code, i.code)));
		if (clash && clash.id !== id) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { code: [m.event_v_code_taken()] });
		if (id) {
			const [before] = await tx.select().from(eventTerms).where(eq(eventTerms.id, id));
			if (!before) throw new DomainError('NOT_FOUND', m.e_not_found());
			const [term] = await tx.update(eventTerms).set(values).where(eq(eventTerms.id, id)).returning();
			await recordActivity(tx, actor, { subjectType: 'event_term', subjectId: id, action: 'updated', changes: diff(before, values) });
			return term;
		}
		const [term] = await tx.insert(eventTerms).values(values).returning();
		await recordActivity(tx, actor, { subjectType: 'event_term', subjectId: term.id, action: 'created' });
		return term;
	});
}
