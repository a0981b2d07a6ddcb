import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeEvent, makeTerm } from '../seed/events-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { addToNeedToKnow } from '../directory/add-to-need-to-know.ts';
import { loadActor } from '../identity/load-actor.ts';
import { eventRegistrations } from './schema.ts';
import { createEvent } from './create-event.ts';
import { decideRequest } from './decide-request.ts';
import { feedbackResults } from './feedback-results.ts';
import { getEvent } from './get-event.ts';
import { listRegistrations } from './list-registrations.ts';
import { publishSummary } from './publish-summary.ts';
import { recordAttendance } from './record-attendance.ts';
import { registerForEvent } from './register-for-event.ts';

// Who may do what with events, written out in full: each row is a person, each column a verb,
// for an open published event, a draft, and a clinic held for one (sensitive) organisation.

type Who = 'visitor' | 'member' | 'clinic_member' | 'external' | 'reviewer' | 'reviewer_listed' | 'finance' | 'finance_listed' | 'officer' | 'admin';
// `clinic attendees` is how the clinic's attendee list shows someone from the sensitive partner:
// NAME (their name and the partner's), or REFERENCE (neither; the partner's reference only).
const VERBS = ['see', 'see draft', 'see clinic', 'register', 'join clinic', 'create', 'attendees', 'attendance', 'summary', 'approve', 'results', 'clinic attendees'] as const;
const O = 'OK', F = 'FORBIDDEN', N = 'NOT_FOUND', NAME = 'NAME', REF = 'REFERENCE';
const EXPECTED: Record<Who, string[]> = {
	//               see see-draft see-clinic register join-clinic create attendees attendance summary approve results clinic-attendees
	visitor:        [O,  N,        N,         O,       N,          F,     F,        F,         F,      F,      F,      F],
	member:         [O,  N,        N,         O,       N,          F,     F,        F,         F,      F,      F,      F],
	clinic_member:  [O,  N,        O,         O,       O,          F,     F,        F,         F,      F,      F,      F],
	external:       [O,  N,        N,         O,       N,          F,     F,        F,         F,      F,      F,      F],
	reviewer:       [O,  O,        O,         O,       O,          F,     O,        F,         F,      F,      O,      REF],
	reviewer_listed:[O,  O,        O,         O,       O,          F,     O,        F,         F,      F,      O,      NAME],
	finance:        [O,  O,        O,         O,       O,          F,     O,        F,         F,      F,      O,      REF],
	finance_listed: [O,  O,        O,         O,       O,          F,     O,        F,         F,      F,      O,      NAME],
	officer:        [O,  O,        O,         O,       O,          O,     O,        O,         O,      O,      O,      NAME],
	admin:          [O,  O,        O,         O,       O,          O,     O,        O,         O,      O,      O,      NAME]
};

let database: Database;
const actors = {} as Record<Who, Actor>;
let formatId: string;
let open: { id: string };
let draft: { id: string };
let clinic: { id: string };
let quiet: { id: string; name: string; reference: string };

/** How the clinic's attendee list shows the sensitive partner's attendee to this actor. */
async function clinicAttendee(a: Actor): Promise<string> {
	let shown = '';
	const read = await outcome(async () => {
		const row = (await listRegistrations(database.db, a, clinic.id)).find((r) => r.email === 'lina.quiet@example.org' || r.organisation.includes(quiet.reference) || r.organisation === quiet.name);
		const text = JSON.stringify(row);
		if (row?.name === 'Lina Quiet' && row.organisation === quiet.name && row.country === 'LB') shown = 'NAME';
		else if (row && !text.includes('Lina') && !text.includes(quiet.name) && !text.includes('LB') && row.organisation.includes(quiet.reference)) shown = 'REFERENCE';
		else shown = `MIXED ${text}`;
	});
	return read === 'OK' ? shown : read;
}

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	formatId = (await makeTerm(db, { kind: 'format', code: 'open_webinar' })).id;
	const org = await makeOrganisation(db, { sensitive: true });
	actors.visitor = ANONYMOUS;
	actors.member = await actorFor(db, 'member');
	actors.clinic_member = await actorFor(db, 'member', [[org.id, 'member']]);
	actors.external = await actorFor(db, 'external_reviewer');
	actors.reviewer = await actorFor(db, 'reviewer');
	actors.finance = await actorFor(db, 'finance');
	actors.officer = await actorFor(db, 'programme_officer');
	actors.admin = await actorFor(db, 'admin');
	for (const [who, role] of [['reviewer_listed', 'reviewer'], ['finance_listed', 'finance']] as const) {
		const a = (await actorFor(db, role)) as { userId: string };
		await addToNeedToKnow(db, actors.officer, org.id, { userId: a.userId });
		actors[who] = await loadActor(db, a.userId, 'session');
	}
	quiet = org;
	open = await makeEvent(db, { formatId, capacity: null });
	draft = await makeEvent(db, { formatId, status: 'draft' });
	clinic = await makeEvent(db, { formatId, organisationId: org.id, capacity: null });
	await db.insert(eventRegistrations).values({ eventId: clinic.id, organisationId: org.id, name: 'Lina Quiet', email: 'lina.quiet@example.org', country: 'LB', status: 'confirmed', tokenHash: `quiet-${org.id}`, consentAt: new Date() });
});
afterAll(async () => {
	await database?.close();
});

describe('events authorization matrix', () => {
	for (const who of Object.keys(EXPECTED) as Who[]) {
		it(`${who}`, async () => {
			const db = database.db;
			const a = actors[who];
			const email = `${who}-${Math.random().toString(36).slice(2)}@example.org`;
			const guest = { name: who, email, consent: true };
			// A pending request on an approval-only event, for the approve column.
			const approvalEvent = await makeEvent(db, { formatId, approvalRequired: true });
			const pending = await registerForEvent(db, ANONYMOUS, approvalEvent.id, { name: 'Asker', email: `ask-${email}`, consent: true }, { locale: 'en' });
			const results = [
				await outcome(() => getEvent(db, a, open.id, { locale: 'en' })),
				await outcome(() => getEvent(db, a, draft.id, { locale: 'en' })),
				await outcome(() => getEvent(db, a, clinic.id, { locale: 'en' })),
				await outcome(() => registerForEvent(db, a, open.id, guest, { locale: 'en' })),
				await outcome(() => registerForEvent(db, a, clinic.id, { ...guest, email: `c-${email}` }, { locale: 'en' })),
				await outcome(() => createEvent(db, a, { title: 'X', formatId, languages: ['en'], startsLocal: '2032-01-01T10:00', endsLocal: '2032-01-01T11:00', timeZone: 'UTC' })),
				await outcome(() => listRegistrations(db, a, open.id)),
				await outcome(() => recordAttendance(db, a, open.id, [])),
				await outcome(() => publishSummary(db, a, open.id, { locale: 'en', body: 'Summary' })),
				await outcome(() => decideRequest(db, a, pending.registration.id, 'approve')),
				await outcome(() => feedbackResults(db, a, open.id, 'en')),
				await clinicAttendee(a)
			];
			expect(Object.fromEntries(VERBS.map((v, i) => [v, results[i]]))).toEqual(Object.fromEntries(VERBS.map((v, i) => [v, EXPECTED[who][i]])));
		});
	}
});
