import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { listRegistrations } from '../events/list-registrations.ts';
import { eventRegistrations } from '../events/schema.ts';
import { grantApplications, grantRevisions } from '../grants/schema.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeEvent } from '../seed/events-factories.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { makeCall } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { databaseFileStore } from '../uploads/db-store.ts';
import { applyRetention } from './jobs.ts';
import { getRetention, readRetention, updateRetention } from './retention-settings.ts';
import { retentionNotices } from './schema.ts';

let database: Database;
const DAY = 86_400_000;
const ago = (days: number, from = Date.now()) => new Date(from - days * DAY);

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

const registration = (eventId: string, name: string, userId: string | null = null) => ({
	eventId,
	userId,
	name,
	email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
	organisationName: 'Some group',
	status: 'confirmed' as const,
	tokenHash: `hash-${crypto.randomUUID()}`,
	consentAt: new Date()
});

describe('retention rules', () => {
	it('start with the safe defaults; only admins change them, within bounds, with a message per field', async () => {
		expect(await readRetention(database.db)).toEqual({ guestRegistrationDays: 180, outboxBodyDays: 90, draftIdleDays: 365, draftWarningDays: 14, declinedAnswersDays: 730, contactMessageDays: 180 });
		const officer = await actorFor(database.db, 'programme_officer');
		const admin = await actorFor(database.db, 'admin');
		expect(await outcome(() => getRetention(database.db, officer))).toBe('FORBIDDEN');
		expect(await outcome(() => updateRetention(database.db, officer, { guestRegistrationDays: 200 }))).toBe('FORBIDDEN');
		const err = await updateRetention(database.db, admin, { guestRegistrationDays: '180', outboxBodyDays: '90', draftIdleDays: '365', draftWarningDays: '3', declinedAnswersDays: 'soon', contactMessageDays: '180' }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields).sort()).toEqual(['declinedAnswersDays', 'draftWarningDays']);
		expect((await readRetention(database.db)).draftWarningDays).toBe(14);
		await updateRetention(database.db, admin, { guestRegistrationDays: '200', outboxBodyDays: '90', draftIdleDays: '365', draftWarningDays: '14', declinedAnswersDays: '730', contactMessageDays: '180' });
		expect((await readRetention(database.db)).guestRegistrationDays).toBe(200);
		await updateRetention(database.db, admin, { guestRegistrationDays: '180', outboxBodyDays: '90', draftIdleDays: '365', draftWarningDays: '14', declinedAnswersDays: '730', contactMessageDays: '180' });
	});

	it('each rule does its work once: a second run the same day changes nothing', async () => {
		const now = Date.now();
		// Guests of an event that ended 181 days ago are anonymised; people with an account and guests of recent events are not.
		const old = await makeEvent(database.db, { startsAt: ago(182), endsAt: ago(181) });
		const recent = await makeEvent(database.db, { startsAt: ago(11), endsAt: ago(10) });
		const member = await makeUser(database.db, {});
		await database.db.insert(eventRegistrations).values([registration(old.id, 'Old Guest'), registration(old.id, 'Old Member', member.id), registration(recent.id, 'Recent Guest')]);
		// Mails: one from 91 days ago, one from yesterday.
		await database.db.insert(outboxMessages).values([
			{ kind: 'x', toAddress: 'a@example.org', subject: 'old', textBody: 'old text', locale: 'en', status: 'sent', createdAt: ago(91) },
			{ kind: 'x', toAddress: 'b@example.org', subject: 'new', textBody: 'new text', locale: 'en', status: 'sent', createdAt: ago(1) }
		]);
		// Drafts: one idle for 366 days, one edited last week; a declined application decided 731 days ago.
		const author = await makeUser(database.db, { email: 'draft-author@example.org' });
		const org = await makeOrganisation(database.db);
		const call = await makeCall(database.db);
		const [idle] = await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Idle draft', createdBy: author.id, updatedAt: ago(366) }).returning();
		const [fresh] = await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Fresh draft', createdBy: author.id, updatedAt: ago(7) }).returning();
		const [declined] = await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Declined', status: 'declined', revision: 1, answers: { summary: 'our plan' }, screenerAnswers: { eligible: 'yes' }, decidedAt: ago(731), createdBy: author.id }).returning();
		await database.db.insert(grantRevisions).values({ applicationId: declined.id, revision: 1, stageIndex: 0, answers: { summary: 'our plan' }, createdBy: author.id });

		const first = await applyRetention(database.db, new Date(now));
		expect(first).toEqual({ guestRegistrations: 1, outboxBodies: 1, drafts: { warned: 1, deleted: 0 }, declinedAnswers: 1, contactMessages: 0, answerVersions: 0 });
		const second = await applyRetention(database.db, new Date(now));
		expect(second).toEqual({ guestRegistrations: 0, outboxBodies: 0, drafts: { warned: 0, deleted: 0 }, declinedAnswers: 0, contactMessages: 0, answerVersions: 0 });

		const regs = await database.db.select({ name: eventRegistrations.name, email: eventRegistrations.email }).from(eventRegistrations);
		// The anonymised guest keeps no name at all, not a marker in one language.
		expect(regs.map((r) => r.name).sort()).toEqual(['', 'Old Member', 'Recent Guest']);
		expect(regs.find((r) => r.name === '')!.email).toMatch(/@erased\.invalid$/);
		// Staff read the attendee list as "former user", without the undeliverable address.
		const officer = await actorFor(database.db, 'programme_officer');
		const attendees = await listRegistrations(database.db, officer, old.id);
		expect(attendees.find((a) => a.erased)).toMatchObject({ name: 'Former user', email: '' });
		expect(attendees.filter((a) => a.erased)).toHaveLength(1);
		const mails = await database.db.select({ subject: outboxMessages.subject, textBody: outboxMessages.textBody }).from(outboxMessages);
		expect(mails.find((x) => x.subject === 'old')!.textBody).toBe('');
		expect(mails.find((x) => x.subject === 'new')!.textBody).toBe('new text');
		const warning = mails.filter((x) => x.subject.includes('Idle draft'));
		expect(warning).toHaveLength(1);
		expect(warning[0].textBody).toContain(`/grants/applications/${idle.id}`);
		const [purged] = await database.db.select().from(grantApplications).where(eq(grantApplications.id, declined.id));
		expect(purged).toMatchObject({ answers: {}, screenerAnswers: null, status: 'declined', title: 'Declined' });
		expect((await database.db.select().from(grantRevisions).where(eq(grantRevisions.applicationId, declined.id)))[0].answers).toEqual({});

		// Thirteen days after the warning the draft is still there; fifteen days after, it is gone (once).
		expect((await applyRetention(database.db, new Date(now + 13 * DAY))).drafts).toEqual({ warned: 0, deleted: 0 });
		expect((await applyRetention(database.db, new Date(now + 15 * DAY))).drafts).toEqual({ warned: 0, deleted: 1 });
		expect((await applyRetention(database.db, new Date(now + 15 * DAY))).drafts).toEqual({ warned: 0, deleted: 0 });
		expect(await database.db.select().from(grantApplications).where(eq(grantApplications.id, idle.id))).toEqual([]);
		expect(await database.db.select().from(grantApplications).where(eq(grantApplications.id, fresh.id))).toHaveLength(1);
	});

	it('a draft edited after its warning is kept and its notice withdrawn', async () => {
		const now = Date.now();
		const org = await makeOrganisation(database.db);
		const call = await makeCall(database.db);
		const [draft] = await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Revived draft', updatedAt: ago(400) }).returning();
		expect((await applyRetention(database.db, new Date(now))).drafts.warned).toBe(1);
		await database.db.update(grantApplications).set({ title: 'Revived draft, edited' }).where(eq(grantApplications.id, draft.id));
		expect((await applyRetention(database.db, new Date(now + 20 * DAY))).drafts).toEqual({ warned: 0, deleted: 0 });
		expect(await database.db.select().from(retentionNotices).where(eq(retentionNotices.applicationId, draft.id))).toEqual([]);
		expect(await database.db.select().from(grantApplications).where(eq(grantApplications.id, draft.id))).toHaveLength(1);
	});

	it('a deleted stale draft and a declined application’s purged answers take their stored files with them, once', async () => {
		const now = Date.now();
		const files = databaseFileStore(database.db);
		const file = async (name: string) => ({ key: await files.put(new TextEncoder().encode(name)), name: `${name}.pdf`, size: name.length, type: 'application/pdf' });
		const org = await makeOrganisation(database.db);
		const call = await makeCall(database.db);
		const [stale, inRow, kept, declinedFile, oldRevisionFile] = await Promise.all(['stale', 'in-row', 'kept', 'declined', 'old-revision'].map(file));
		const [draft] = await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Stale draft with files', answers: { plan: stale, team: [{ name: 'x', cv: inRow }] }, updatedAt: ago(400, now) }).returning();
		await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Draft in use', answers: { plan: kept }, updatedAt: ago(3, now) });
		const [declined] = await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Declined with files', status: 'declined', revision: 2, answers: { plan: declinedFile }, decidedAt: ago(800, now) }).returning();
		await database.db.insert(grantRevisions).values([
			{ applicationId: declined.id, revision: 1, stageIndex: 0, answers: { plan: oldRevisionFile } },
			{ applicationId: declined.id, revision: 2, stageIndex: 0, answers: { plan: declinedFile } }
		]);
		const stored = async (f: { key: string }) => (await files.open(f.key)) !== null;

		// The run that warns deletes nothing; the declined answers go at once, with both revisions' files.
		expect((await applyRetention(database.db, new Date(now), files)).declinedAnswers).toBe(1);
		expect([await stored(declinedFile), await stored(oldRevisionFile), await stored(stale), await stored(inRow)]).toEqual([false, false, true, true]);
		// Past the warning the draft and its files go, in a field and in a row; a second run finds nothing to do.
		expect((await applyRetention(database.db, new Date(now + 15 * DAY), files)).drafts.deleted).toBe(1);
		expect((await applyRetention(database.db, new Date(now + 15 * DAY), files)).drafts.deleted).toBe(0);
		expect(await database.db.select().from(grantApplications).where(eq(grantApplications.id, draft.id))).toEqual([]);
		expect([await stored(stale), await stored(inRow), await stored(kept)]).toEqual([false, false, true]);
	});
});
