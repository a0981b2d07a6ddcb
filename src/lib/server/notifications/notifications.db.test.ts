import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeEvent } from '../seed/events-factories.ts';
import { ELIGIBLE_MINI, makeMiniGrantCall, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { assignReviewer } from '../grants/assign-reviewer.ts';
import { saveAnswers } from '../grants/save-answers.ts';
import { startApplication } from '../grants/start-application.ts';
import { transitionApplication } from '../grants/transition-application.ts';
import { calendarFor } from '../events/notify.ts';
import { registerForEvent } from '../events/register-for-event.ts';
import { eventRegistrations, events } from '../events/schema.ts';
import { updateEvent } from '../events/update-event.ts';
import { listNotifications, countUnread } from './list-notifications.ts';
import { markAllRead, markRead } from './mark-read.ts';
import { notify } from './notify.ts';
import { getPreferences, setPreferences } from './preferences.ts';
import { notifications } from './schema.ts';
import { sendDigests } from './send-digests.ts';

let database: Database;
let officer: Actor;
let orgId: string;
let applicant: Actor;
let callId: string;
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');

beforeAll(async () => {
	database = await freshDatabase();
	callId = (await makeMiniGrantCall(database.db)).id;
	officer = await actorFor(database.db, 'programme_officer');
	const org = await makeOrganisation(database.db, { name: 'Hidden Circle Collective', kind: 'civil_society', sensitive: true });
	orgId = org.id;
	applicant = await actorFor(database.db, 'member', [[org.id, 'owner']]);
});
afterAll(() => database.close());

async function inReview() {
	const app = await startApplication(database.db, applicant, { callId, organisationId: orgId, screener: ELIGIBLE_MINI });
	await saveAnswers(database.db, applicant, app.id, { answers: miniGrantAnswers() });
	let a = await transitionApplication(database.db, applicant, app.id, { transition: 'submit', version: 1 });
	a = await transitionApplication(database.db, officer, app.id, { transition: 'start_screening', version: a.version });
	return transitionApplication(database.db, officer, app.id, { transition: 'send_to_review', version: a.version });
}
const noticesOf = (a: Actor) => database.db.select().from(notifications).where(eq(notifications.userId, uid(a)));
const mailsTo = async (a: Actor) => {
	const [u] = await database.db.select({ email: users.email }).from(users).where(eq(users.id, uid(a)));
	return database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, u.email));
};

describe('a reviewer assignment', () => {
	it('writes one notice in the hub and one queued mail, carrying a link and no partner name', async () => {
		const app = await inReview();
		const reviewer = await actorFor(database.db, 'reviewer');
		await assignReviewer(database.db, officer, app.id, { reviewerId: uid(reviewer) });
		const notes = await noticesOf(reviewer);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ category: 'assigned', subjectId: app.id, href: `/grants/applications/${app.id}`, delivery: 'immediately', readAt: null });
		const mails = await mailsTo(reviewer);
		expect(mails).toHaveLength(1);
		expect(mails[0].kind).toBe('notification_assigned');
		expect(mails[0].textBody).toContain(`/grants/applications/${app.id}`);
		expect(mails[0].textBody).not.toContain('Hidden Circle');
		expect(mails[0].subject).not.toContain('Hidden Circle');
	});

	it('writes the notice but no mail when the reviewer chose “in the hub only”', async () => {
		const app = await inReview();
		const reviewer = await actorFor(database.db, 'reviewer');
		await setPreferences(database.db, reviewer, { assigned: 'in_app' });
		await assignReviewer(database.db, officer, app.id, { reviewerId: uid(reviewer) });
		expect(await noticesOf(reviewer)).toHaveLength(1);
		expect(await mailsTo(reviewer)).toHaveLength(0);
	});

	it('a submitted application tells the officers (no lead on the programme), not the applicant who submitted it', async () => {
		const app = await inReview();
		const forOfficer = await database.db.select().from(notifications).where(and(eq(notifications.userId, uid(officer)), eq(notifications.subjectId, app.id)));
		expect(forOfficer.map((n) => n.category)).toEqual(['application_submitted']);
		expect((await noticesOf(applicant)).filter((n) => n.category === 'application_submitted')).toHaveLength(0);
	});
});

describe('reading and marking', () => {
	it('a person sees and marks only their own notices; another person’s is not found and stays unread', async () => {
		const a = await actorFor(database.db, 'reviewer');
		const b = await actorFor(database.db, 'reviewer');
		await notify(database.db, { recipients: [uid(a)], category: 'assigned', subjectKind: 'application', subjectId: 'x', href: '/grants' });
		const [mine] = await noticesOf(a);
		expect(await listNotifications(database.db, b)).toHaveLength(0);
		expect(await outcome(() => markRead(database.db, b, mine.id))).toBe('NOT_FOUND');
		expect(await outcome(() => markRead(database.db, b, 'not-a-uuid'))).toBe('NOT_FOUND');
		expect(await countUnread(database.db, a)).toBe(1);
		expect(await markAllRead(database.db, b)).toBe(0);
		expect(await countUnread(database.db, a)).toBe(1);
		expect((await markRead(database.db, a, mine.id)).href).toBe('/grants');
		expect(await countUnread(database.db, a)).toBe(0);
		expect(await outcome(() => listNotifications(database.db, ANONYMOUS))).toBe('UNAUTHENTICATED');
	});

	it('a preference outside the allowed set is refused and nothing changes', async () => {
		const a = await actorFor(database.db, 'reviewer');
		expect(await outcome(() => setPreferences(database.db, a, { assigned: 'hourly' }))).toBe('INVALID_INPUT');
		expect(await outcome(() => setPreferences(database.db, a, { unknown_category: 'daily' }))).toBe('INVALID_INPUT');
		expect((await getPreferences(database.db, a)).assigned).toBe('immediately');
	});
});

describe('the daily digest', () => {
	it('sends one mail per person at 08:00 their time, once even when the job runs twice', async () => {
		const ny = await actorFor(database.db, 'reviewer');
		await database.db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, uid(ny)));
		await setPreferences(database.db, ny, { assigned: 'daily', decision: 'daily' });
		for (const s of ['one', 'two']) await notify(database.db, { recipients: [uid(ny)], category: 'assigned', subjectKind: 'application', subjectId: s, href: `/grants/applications/${s}` });
		expect(await mailsTo(ny)).toHaveLength(0);
		expect(await sendDigests(database.db, new Date('2031-03-03T12:00:00Z'))).toBe(0); // 07:00 in New York
		const morning = new Date('2031-03-03T13:05:00Z'); // 08:05
		const [first, second] = await Promise.all([sendDigests(database.db, morning), sendDigests(database.db, morning)]);
		expect(first + second).toBe(1);
		expect(await sendDigests(database.db, morning)).toBe(0);
		const mails = (await mailsTo(ny)).filter((x) => x.kind === 'notification_digest');
		expect(mails).toHaveLength(1);
		expect(mails[0].textBody).toContain('/grants/applications/one');
		expect(mails[0].textBody).toContain('/grants/applications/two');
		const [{ n }] = await database.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, uid(ny)), like(notifications.delivery, 'daily')));
		expect(n).toBe(2);
	});
});

describe('an event moved', () => {
	it('raises the SEQUENCE on every save, mails registrants the new time with a calendar file, and tells account holders in the hub', async () => {
		const e = await makeEvent(database.db, { title: 'Messaging circle', startsAt: new Date('2031-01-10T10:00:00Z'), endsAt: new Date('2031-01-10T11:00:00Z') });
		const member = await actorFor(database.db, 'member');
		await registerForEvent(database.db, member, e.id, { organisationName: 'A group', country: 'KE', consent: true }, { locale: 'es' });
		const base = { title: 'Messaging circle', formatId: e.formatId, languages: ['en'], timeZone: 'UTC', status: 'published', capacity: 20 };
		await updateEvent(database.db, officer, e.id, { ...base, startsLocal: '2031-01-10T10:00', endsLocal: '2031-01-10T11:00', description: 'same time' });
		await updateEvent(database.db, officer, e.id, { ...base, startsLocal: '2031-01-12T15:00', endsLocal: '2031-01-12T16:00' });
		const [after] = await database.db.select().from(events).where(eq(events.id, e.id));
		expect(after.sequence).toBe(2);
		const [reg] = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id));
		expect(calendarFor(after, reg)).toContain('SEQUENCE:2');
		const moved = (await mailsTo(member)).filter((x) => x.kind === 'event_event_rescheduled');
		expect(moved).toHaveLength(1);
		expect(moved[0].subject).toBe('New time: Messaging circle');
		expect(moved[0].textBody).toMatch(/January 12, 2031, 3:00\sPM/);
		const notes = await noticesOf(member);
		expect(notes.filter((n) => n.category === 'event_changed')).toMatchObject([{ delivery: 'in_app', href: `/events/${e.id}` }]);
	});
});
