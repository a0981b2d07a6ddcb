import { and, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { EventInput } from '../../validation/events.ts';
import { eventSeries, eventTerms } from './schema.ts';
import { localToUtc } from './time.ts';

const utc = (local: string, zone: string) => {
	const r = localToUtc(local, zone);
	if (!r.ok) throw new DomainError('INVALID_INPUT', m.e_invalid_input());
	return r.utc;
};

/** Form input → the event's columns; references to formats, levels, topics and series must exist. */
export async function eventValues(db: DbOrTx, input: EventInput) {
	const ids = [input.formatId, input.levelId, ...input.topicIds].filter(Boolean);
	const terms = ids.length ? await db.select().from(eventTerms).where(inArray(eventTerms.id, ids)) : [];
	const kindOf = new Map(terms.map((t) => [t.id, t.kind]));
	const fields: Record<string, string[]> = {};
	if (kindOf.get(input.formatId) !== 'format') fields.formatId = [m.v_invalid_choice()];
	if (input.levelId && kindOf.get(input.levelId) !== 'level') fields.levelId = [m.v_invalid_choice()];
	if (input.topicIds.some((t) => kindOf.get(t) !== 'topic')) fields.topicIds = [m.v_invalid_choice()];
	if (input.seriesId) {
		const [s] = await db.select({ id: eventSeries.id }).from(eventSeries).where(and(eq(eventSeries.id, input.seriesId))).limit(1);
		if (!s) fields.seriesId = [m.v_invalid_choice()];
	}
	if (Object.keys(fields).length) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), fields);
	return {
		title: input.title,
		description: input.description,
		formatId: input.formatId,
		levelId: input.levelId || null,
		seriesId: input.seriesId || null,
		organisationId: input.organisationId || null,
		languages: input.languages,
		communityCall: input.communityCall,
		startsAt: utc(input.startsLocal, input.timeZone),
		endsAt: utc(input.endsLocal, input.timeZone),
		timeZone: input.timeZone,
		capacity: input.capacity > 0 ? input.capacity : null,
		registrationOpensAt: input.registrationOpensLocal ? utc(input.registrationOpensLocal, input.timeZone) : null,
		registrationClosesAt: input.registrationClosesLocal ? utc(input.registrationClosesLocal, input.timeZone) : null,
		approvalRequired: input.approvalRequired,
		waitlistEnabled: input.waitlistEnabled,
		meetingUrl: input.meetingUrl,
		recorded: input.recorded,
		status: input.status
	};
}
