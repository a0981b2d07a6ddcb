import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { m } from '#lib/paraglide/messages.js';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeEvent, makeTerm } from '../seed/events-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { cancelRegistration } from './cancel-registration.ts';
import { createEvent } from './create-event.ts';
import { decideRequest } from './decide-request.ts';
import { feedbackByFormat, feedbackResults } from './feedback-results.ts';
import { findRegistrationByToken } from './find-registration.ts';
import { getEvent } from './get-event.ts';
import { listEvents } from './list-events.ts';
import { listRegistrations } from './list-registrations.ts';
import { publishSummary } from './publish-summary.ts';
import { recordAttendance } from './record-attendance.ts';
import { registerForEvent } from './register-for-event.ts';
import { saveSurvey } from './save-survey.ts';
import { eventFeedback, eventRegistrations, events, eventSeries, type Translated } from './schema.ts';
import { listTerms, pick } from './list-terms.ts';
import { submitFeedback } from './submit-feedback.ts';
import { trainingsAttended } from './trainings-attended.ts';
import { updateEvent } from './update-event.ts';
import { requestClinic } from './request-clinic.ts';
import { scheduleClinic } from './schedule-clinic.ts';

let database: Database;
let officer: Actor;
let member: Actor;
let formatId: string;
let circleId: string;
const guest = (name: string, extra: Record<string, unknown> = {}) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`, organisationName: 'A group', country: 'KE', consent: true, ...extra });
const opts = { locale: 'en' };

beforeAll(async () => {
	database = await freshDatabase();
	officer = await actorFor(database.db, 'programme_officer');
	member = await actorFor(database.db, 'member');
	formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
	circleId = (await makeTerm(database.db, { kind: 'format', code: 'learning_circle' })).id;
});
afterAll(async () => {
	await database?.close();
});

const statuses = async (eventId: string) =>
	(await database.db.select({ status: eventRegistrations.status }).from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId))).map((r) => r.status).sort();

describe('registering', () => {
	it('a guest gets a confirmed place, a personal link and a confirmation mail with the calendar file', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 2, meetingUrl: 'https://meet.example.org/abc' });
		const { registration, token } = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Ana Guest'), { locale: 'fr' });
		expect(registration.status).toBe('confirmed');
		expect(registration.locale).toBe('fr');
		const found = await findRegistrationByToken(database.db, token);
		expect(found.registration.id).toBe(registration.id);
		const [mail] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'ana.guest@example.org'));
		expect(mail.kind).toBe('event_registered');
		expect(mail.locale).toBe('fr');
		expect(mail.textBody).toContain('https://meet.example.org/abc');
		expect((await database.db.select().from(events).where(eq(events.id, e.id)))[0].confirmedCount).toBe(1);
	});

	it('a guest registering again with a registered address gets no second place; the address’s owner is mailed their link', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 1 });
		const first = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Twice Person'), { locale: 'es' });
		expect(first.again).toBe(false);
		const again = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Someone Else', { email: 'TWICE.person@example.org' }), opts);
		expect(again.again).toBe(true);
		expect(again.registration.id).toBe(first.registration.id);
		expect(await statuses(e.id)).toEqual(['confirmed']);
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'twice.person@example.org')).orderBy(outboxMessages.createdAt);
		expect(mails.map((m) => m.kind)).toEqual(['event_registered', 'event_registered_again']);
		// In the language and name the place was taken with, never those the second person typed.
		expect(mails[1].locale).toBe('es');
		expect(mails[1].textBody).toContain('Twice Person');
		expect(mails[1].textBody).not.toContain('Someone Else');
		expect(mails[1].textBody).toContain(`/events/registrations/${first.token}`);
		// The full event refuses a new address and the registered one alike (the answer tells nothing).
		const noList = await makeEvent(database.db, { formatId, capacity: 1, waitlistEnabled: false });
		await registerForEvent(database.db, ANONYMOUS, noList.id, guest('Seat Holder'), opts);
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, noList.id, guest('Seat Holder'), opts))).toBe('CONFLICT');
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, noList.id, guest('Newcomer'), opts))).toBe('CONFLICT');
	});

	it('a person signed in who registers again is given the place they have', async () => {
		const e = await makeEvent(database.db, { formatId });
		const first = await registerForEvent(database.db, member, e.id, { organisationName: 'A group', country: 'KE', consent: true }, opts);
		const again = await registerForEvent(database.db, member, e.id, { organisationName: 'A group', country: 'KE', consent: true }, opts);
		expect(again).toMatchObject({ again: true, token: first.token });
		expect(await statuses(e.id)).toEqual(['confirmed']);
	});

	it('bad input and closed registration are refused with nothing saved', async () => {
		const open = await makeEvent(database.db, { formatId });
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, open.id, guest('Bad Mail', { email: 'not-an-address' }), opts))).toBe('INVALID_INPUT');
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, open.id, guest('No Consent', { consent: false }), opts))).toBe('INVALID_INPUT');
		const past = await makeEvent(database.db, { formatId, inHours: -3 });
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, past.id, guest('Late Person'), opts))).toBe('CONFLICT');
		const closed = await makeEvent(database.db, { formatId, registrationClosesAt: new Date(Date.now() - 60_000) });
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, closed.id, guest('Closed Person'), opts))).toBe('CONFLICT');
		const notYet = await makeEvent(database.db, { formatId, registrationOpensAt: new Date(Date.now() + 3_600_000) });
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, notYet.id, guest('Early Person'), opts))).toBe('CONFLICT');
		const draft = await makeEvent(database.db, { formatId, status: 'draft' });
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, draft.id, guest('Draft Person'), opts))).toBe('NOT_FOUND');
		for (const e of [open, past, closed, notYet, draft]) expect(await statuses(e.id)).toEqual([]);
	});

	it('a full event without a waitlist refuses; with one, people wait', async () => {
		const noList = await makeEvent(database.db, { formatId, capacity: 1, waitlistEnabled: false });
		await registerForEvent(database.db, ANONYMOUS, noList.id, guest('First In'), opts);
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, noList.id, guest('Second In'), opts))).toBe('CONFLICT');
		expect(await statuses(noList.id)).toEqual(['confirmed']);
		const withList = await makeEvent(database.db, { formatId, capacity: 1 });
		await registerForEvent(database.db, ANONYMOUS, withList.id, guest('First Too'), opts);
		const { registration } = await registerForEvent(database.db, ANONYMOUS, withList.id, guest('Second Too'), opts);
		expect(registration.status).toBe('waitlisted');
	});

	it('an approval-only event takes requests; staff approve into a seat or decline', async () => {
		const e = await makeEvent(database.db, { formatId: circleId, capacity: 1, approvalRequired: true, waitlistEnabled: false });
		const a = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Asking One'), opts);
		const b = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Asking Two'), opts);
		expect([a.registration.status, b.registration.status]).toEqual(['pending', 'pending']);
		expect(await outcome(() => decideRequest(database.db, member, a.registration.id, 'approve'))).toBe('FORBIDDEN');
		expect((await decideRequest(database.db, officer, a.registration.id, 'approve')).status).toBe('confirmed');
		// No seat left and no waitlist: approving the second is refused and changes nothing.
		expect(await outcome(() => decideRequest(database.db, officer, b.registration.id, 'approve'))).toBe('CONFLICT');
		expect((await decideRequest(database.db, officer, b.registration.id, 'decline')).status).toBe('declined');
		expect(await outcome(() => decideRequest(database.db, officer, b.registration.id, 'approve'))).toBe('INVALID_TRANSITION');
	});

	it('a clinic is seen and joined only by its organisation’s members', async () => {
		const org = await makeOrganisation(database.db, { sensitive: true });
		const insider = await actorFor(database.db, 'member', [[org.id, 'member']]);
		const request = await requestClinic(database.db, insider, { organisationId: org.id, problem: 'Opposition from a cartel of suppliers', language: 'en' });
		expect(await outcome(() => requestClinic(database.db, member, { organisationId: org.id, problem: 'x', language: 'en' }))).toBe('NOT_FOUND');
		const clinic = await scheduleClinic(database.db, officer, request.id, {
			title: 'Clinic', formatId, languages: ['en'], startsLocal: '2030-05-06T10:00', endsLocal: '2030-05-06T11:30', timeZone: 'Europe/London', status: 'published', capacity: 5
		});
		expect(clinic.organisationId).toBe(org.id);
		expect(await outcome(() => getEvent(database.db, member, clinic.id, opts))).toBe('NOT_FOUND');
		expect(await outcome(() => registerForEvent(database.db, ANONYMOUS, clinic.id, guest('Outsider'), opts))).toBe('NOT_FOUND');
		expect((await registerForEvent(database.db, insider, clinic.id, { consent: true }, opts)).registration.status).toBe('confirmed');
		const catalogue = await listEvents(database.db, ANONYMOUS, { past: '' }, { locale: 'en', timeZone: 'UTC' });
		expect(catalogue.items.map((i) => i.id)).not.toContain(clinic.id);
	});
});

describe('seats under concurrency (a database guarantee)', () => {
	it('40 simultaneous registrations for 10 places: exactly 10 confirmed, 30 waitlisted', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 10 });
		const results = await Promise.allSettled(
			Array.from({ length: 40 }, (_, i) => registerForEvent(database.db, ANONYMOUS, e.id, guest(`Racer ${i}`), opts))
		);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		const s = await statuses(e.id);
		expect(s.filter((x) => x === 'confirmed')).toHaveLength(10);
		expect(s.filter((x) => x === 'waitlisted')).toHaveLength(30);
		expect((await database.db.select().from(events).where(eq(events.id, e.id)))[0].confirmedCount).toBe(10);
	});

	it('simultaneous registrations without a waitlist never exceed the capacity', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 5, waitlistEnabled: false });
		const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => registerForEvent(database.db, ANONYMOUS, e.id, guest(`Rusher ${i}`), opts)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
		expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'CONFLICT')).toBe(true);
		expect(await statuses(e.id)).toEqual(Array(5).fill('confirmed'));
	});

	it('the same address sent twice at once still holds one place', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 5 });
		const results = await Promise.all([1, 2, 3].map(() => registerForEvent(database.db, ANONYMOUS, e.id, guest('Double Click'), opts)));
		expect(results.filter((r) => !r.again)).toHaveLength(1);
		expect(new Set(results.map((r) => r.registration.id)).size).toBe(1);
		expect(await statuses(e.id)).toEqual(['confirmed']);
	});

	it('the CHECK constraint refuses more confirmed seats than the capacity even outside the use case', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 1, confirmedCount: 1 });
		await expect(database.db.update(events).set({ confirmedCount: sql`${events.confirmedCount} + 1` }).where(eq(events.id, e.id))).rejects.toThrow();
	});
});

describe('cancelling and the waitlist', () => {
	it('a cancellation through the personal link promotes the next person, who is told by mail', async () => {
		const e = await makeEvent(database.db, { formatId, capacity: 1 });
		const first = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Seat Holder'), opts);
		const second = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Next Waiting', { email: 'next.waiting@example.org' }), { locale: 'es' });
		const third = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Later Waiting'), opts);
		await cancelRegistration(database.db, ANONYMOUS, { token: first.token });
		const rows = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id));
		const status = (id: string) => rows.find((r) => r.id === id)?.status;
		expect([status(first.registration.id), status(second.registration.id), status(third.registration.id)]).toEqual(['cancelled', 'confirmed', 'waitlisted']);
		const mails = await database.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, 'next.waiting@example.org'), eq(outboxMessages.kind, 'event_promoted')));
		expect(mails).toHaveLength(1);
		expect(mails[0].locale).toBe('es');
		expect(await outcome(() => cancelRegistration(database.db, ANONYMOUS, { token: first.token }))).toBe('INVALID_TRANSITION');
	});

	it('a personal link opens only its own registration; a made-up one opens nothing', async () => {
		expect(await outcome(() => findRegistrationByToken(database.db, 'A'.repeat(43)))).toBe('NOT_FOUND');
		expect(await outcome(() => cancelRegistration(database.db, member, { registrationId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
	});

	it('someone else cannot cancel a registration by its id', async () => {
		const e = await makeEvent(database.db, { formatId });
		const r = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Keep Mine'), opts);
		expect(await outcome(() => cancelRegistration(database.db, member, { registrationId: r.registration.id }))).toBe('NOT_FOUND');
		expect(await outcome(() => cancelRegistration(database.db, officer, { registrationId: r.registration.id }))).toBe('OK');
	});

	it('raising the capacity moves people up; lowering it below the confirmed seats is refused', async () => {
		const e = await createEvent(database.db, officer, { title: 'Circle', formatId, languages: ['en'], startsLocal: '2031-01-10T10:00', endsLocal: '2031-01-10T11:00', timeZone: 'UTC', capacity: 1, status: 'published' });
		await registerForEvent(database.db, ANONYMOUS, e.id, guest('Cap One'), opts);
		await registerForEvent(database.db, ANONYMOUS, e.id, guest('Cap Two'), opts);
		const base = { title: 'Circle', formatId, languages: ['en'], startsLocal: '2031-01-10T10:00', endsLocal: '2031-01-10T11:00', timeZone: 'UTC', status: 'published' };
		await updateEvent(database.db, officer, e.id, { ...base, capacity: 2 });
		expect(await statuses(e.id)).toEqual(['confirmed', 'confirmed']);
		expect(await outcome(() => updateEvent(database.db, officer, e.id, { ...base, capacity: 1 }))).toBe('INVALID_INPUT');
	});
});

describe('event pages and privacy', () => {
	it('the meeting link is hidden from the public and shown to a confirmed registrant and staff', async () => {
		const e = await makeEvent(database.db, { formatId, meetingUrl: 'https://meet.example.org/secret' });
		expect((await getEvent(database.db, ANONYMOUS, e.id, opts)).meetingUrl).toBeNull();
		expect(JSON.stringify(await getEvent(database.db, ANONYMOUS, e.id, opts))).not.toContain('secret');
		const person = await actorFor(database.db, 'member');
		await registerForEvent(database.db, person, e.id, { consent: true }, opts);
		expect((await getEvent(database.db, person, e.id, opts)).meetingUrl).toBe('https://meet.example.org/secret');
		expect((await getEvent(database.db, officer, e.id, opts)).meetingUrl).toBe('https://meet.example.org/secret');
	});

	it('attendee lists are for staff only', async () => {
		const e = await makeEvent(database.db, { formatId });
		expect(await outcome(() => listRegistrations(database.db, member, e.id))).toBe('FORBIDDEN');
		expect(await outcome(() => listRegistrations(database.db, ANONYMOUS, e.id))).toBe('FORBIDDEN');
		expect(await outcome(() => listRegistrations(database.db, officer, e.id))).toBe('OK');
	});

	it('only programme staff create events; a time the clocks skip is refused on its field', async () => {
		const input = { title: 'Spring', formatId, languages: ['en'], startsLocal: '2027-03-14T02:30', endsLocal: '2027-03-14T04:00', timeZone: 'America/New_York' };
		expect(await outcome(() => createEvent(database.db, member, input))).toBe('FORBIDDEN');
		await expect(createEvent(database.db, officer, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { startsLocal: [expect.stringContaining('does not exist')] } });
		const ok = await createEvent(database.db, officer, { ...input, startsLocal: '2027-03-14T10:30', endsLocal: '2027-03-14T11:30' });
		expect(ok.startsAt.toISOString()).toBe('2027-03-14T14:30:00.000Z');
	});

	it('the catalogue filters by format, level, topic and language and shows drafts to nobody', async () => {
		const level = await makeTerm(database.db, { kind: 'level', code: 'advanced' });
		const topic = await makeTerm(database.db, { kind: 'topic', code: 'coalition_building' });
		const match = await makeEvent(database.db, { formatId: circleId, levelId: level.id, topicIds: [topic.id], languages: ['es'], title: 'Coaliciones' });
		await makeEvent(database.db, { formatId: circleId, status: 'draft', levelId: level.id, topicIds: [topic.id], languages: ['es'] });
		const r = await listEvents(database.db, ANONYMOUS, { format: 'learning_circle', level: 'advanced', topic: 'coalition_building', language: 'es' }, { locale: 'en', timeZone: 'UTC' });
		expect(r.items.map((i) => i.id)).toEqual([match.id]);
		expect(r.items[0]).toMatchObject({ level: 'advanced', topics: ['coalition building'], summary: null });
		const none = await listEvents(database.db, ANONYMOUS, { format: 'no_such_format' }, { locale: 'en', timeZone: 'UTC' });
		expect(none.total).toBe(0);
		// A series over two pages, and a day in the reader's zone.
		const [series] = await database.db.insert(eventSeries).values({ title: 'Long course' }).returning();
		const base = Date.parse('2031-02-01T12:00:00Z');
		for (let i = 0; i < 21; i++) await makeEvent(database.db, { formatId, seriesId: series.id, startsAt: new Date(base + i * 86_400_000), title: `Part ${i + 1}` });
		const first = await listEvents(database.db, ANONYMOUS, { series: series.id }, { locale: 'en', timeZone: 'UTC' });
		const second = await listEvents(database.db, ANONYMOUS, { series: series.id, page: '2' }, { locale: 'en', timeZone: 'UTC' });
		expect([first.total, first.items.length, second.items.map((i) => i.title)]).toEqual([21, 20, ['Part 21']]);
		const day = await listEvents(database.db, ANONYMOUS, { series: series.id, from: '2031-02-03', to: '2031-02-03' }, { locale: 'en', timeZone: 'Asia/Tokyo' });
		expect(day.items.map((i) => i.title)).toEqual(['Part 3']);
		// The catalogue reads its filters in one statement of its own: the same terms, names and order as the term lists.
		await database.db.insert(eventSeries).values([{ title: 'Winter school' }, { title: 'Autumn school' }]);
		const t = await listTerms(database.db);
		const options = (list: { code: string; name: Translated }[]) => list.map((x) => ({ value: x.code, label: pick(x.name, 'es') }));
		expect((await listEvents(database.db, ANONYMOUS, {}, { locale: 'es', timeZone: 'UTC' })).filters).toEqual({
			formats: options(t.formats),
			levels: options(t.levels),
			topics: options(t.topics),
			series: t.series.map((x) => ({ value: x.id, label: x.title }))
		});
	});
});

describe('after the session: attendance, summary, feedback', () => {
	it('staff mark attendance, publish versioned summaries, and attendees answer an anonymous survey once', async () => {
		const org = await makeOrganisation(database.db, {});
		const e = await makeEvent(database.db, { formatId: circleId, startsAt: new Date(Date.now() + 3_600_000), hours: 1 });
		const insider = await actorFor(database.db, 'member', [[org.id, 'member']]);
		const came = await registerForEvent(database.db, insider, e.id, { consent: true }, opts);
		const absent = await registerForEvent(database.db, ANONYMOUS, e.id, guest('Did Not Come'), opts);
		// The session ends; the clock is moved past it for the survey.
		const after = new Date(Date.now() + 3 * 3_600_000);
		expect(await outcome(() => recordAttendance(database.db, member, e.id, [came.registration.id]))).toBe('FORBIDDEN');
		expect((await recordAttendance(database.db, officer, e.id, [came.registration.id])).attended).toBe(1);
		expect((await trainingsAttended(database.db, org.id)).attended).toBe(1);

		await publishSummary(database.db, officer, e.id, { locale: 'en', body: 'We mapped allies.', materials: 'Slides https://example.org/slides.pdf' });
		const v2 = await publishSummary(database.db, officer, e.id, { locale: 'en', body: 'We mapped allies and opponents.', materials: '' });
		expect(v2.version).toBe(2);
		await publishSummary(database.db, officer, e.id, { locale: 'es', body: 'Mapeamos aliados.', materials: '' });
		expect((await getEvent(database.db, ANONYMOUS, e.id, { locale: 'es' })).summary?.body).toBe('Mapeamos aliados.');
		expect((await getEvent(database.db, ANONYMOUS, e.id, { locale: 'fr' })).summary?.body).toBe('We mapped allies and opponents.');
		// The catalogue shows the same summary, in the reader's language or the latest English one.
		const listed = async (locale: string) =>
			(await listEvents(database.db, ANONYMOUS, { past: '1' }, { locale, timeZone: 'UTC', now: after })).items.find((x) => x.id === e.id);
		expect((await listed('es'))?.summary).toBe('Mapeamos aliados.');
		expect((await listed('fr'))?.summary).toBe('We mapped allies and opponents.');
		expect(await outcome(() => publishSummary(database.db, officer, e.id, { locale: 'en', body: 'x', materials: 'no link here' }))).toBe('INVALID_INPUT');

		await saveSurvey(database.db, officer, e.id, { anonymous: true, questions: 'What will you use?\nWhat was missing?' });
		expect(await outcome(() => submitFeedback(database.db, insider, { eventId: e.id }, { rating: 5 }, new Date()))).toBe('CONFLICT');
		expect(await outcome(() => submitFeedback(database.db, ANONYMOUS, { token: absent.token }, { rating: 1 }, after))).toBe('FORBIDDEN');
		await submitFeedback(database.db, insider, { eventId: e.id }, { rating: 4, answers: { q1: 'The power map', q9: 'ignored' } }, after);
		expect(await outcome(() => submitFeedback(database.db, insider, { eventId: e.id }, { rating: 5 }, after))).toBe('CONFLICT');
		const [stored] = await database.db.select().from(eventFeedback).where(eq(eventFeedback.eventId, e.id));
		expect(stored.registrationId).toBeNull();
		expect(stored.answers).toEqual({ q1: 'The power map' });
		const results = await feedbackResults(database.db, officer, e.id, 'en');
		expect(results).toMatchObject({ responses: 1, mean: 4, anonymous: true });
		expect(results.questions[0].answers).toEqual([{ text: 'The power map', by: null }]);
		const perFormat = await feedbackByFormat(database.db, officer, 'en');
		expect(perFormat.find((f) => f.format === 'learning circle')).toMatchObject({ responses: 1, mean: 4, sessions: 1 });
		expect(await outcome(() => feedbackResults(database.db, member, e.id, 'en'))).toBe('FORBIDDEN');
	});

	it('a named answer from someone of a sensitive partner names them only to staff entitled to the partner’s identity', async () => {
		const org = await makeOrganisation(database.db, { sensitive: true });
		const e = await makeEvent(database.db, { formatId: circleId, startsAt: new Date(Date.now() + 3_600_000), hours: 1 });
		const insider = await actorFor(database.db, 'member', [[org.id, 'member']]);
		await registerForEvent(database.db, insider, e.id, { consent: true }, opts);
		await saveSurvey(database.db, officer, e.id, { anonymous: false, questions: 'What will you use?' });
		await submitFeedback(database.db, insider, { eventId: e.id }, { rating: 5, answers: { q1: 'The power map' } }, new Date(Date.now() + 3 * 3_600_000));
		const reviewer = await actorFor(database.db, 'reviewer');
		const asReviewer = await feedbackResults(database.db, reviewer, e.id, 'en');
		expect(asReviewer.questions[0].answers).toEqual([{ text: 'The power map', by: m.partner_attendee_hidden() }]);
		const name = insider.kind === 'user' ? insider.name : '';
		expect(JSON.stringify(asReviewer)).not.toContain(name);
		// The attendee list says the same to the same reader.
		expect((await listRegistrations(database.db, reviewer, e.id)).map((r) => r.name)).toEqual([m.partner_attendee_hidden()]);
		const asOfficer = await feedbackResults(database.db, officer, e.id, 'en');
		expect(asOfficer.questions[0].answers).toEqual([{ text: 'The power map', by: name }]);
	});
});

describe('activity', () => {
	it('registrations are recorded in the activity log', async () => {
		const [{ n }] = await database.db.select({ n: count() }).from(sql`activity_events`).where(sql`subject_type = 'event_registration' AND action = 'registered'`);
		expect(n).toBeGreaterThan(10);
	});
});
