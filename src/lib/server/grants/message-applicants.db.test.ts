import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import { users } from '../identity/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeApplications, makeMiniGrantCall } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { messageApplicants } from './message-applicants.ts';
import { grantCallMessages } from './message-schema.ts';
import { MESSAGE_BATCH, MESSAGE_INTERVAL_MS, sendMessageBatch, sweepMessages } from './send-message-batch.ts';

let database: Database;
let officer: Actor;
let callId: string;
const text = { subject_en: 'News on {call}', body_en: 'Dear {organisation}: the panel meets on Friday.', subject_es: 'Novedades de {call}', body_es: 'Estimada {organisation}: el comité se reúne el viernes.' };
const mailsOf = (kind: string) => database.db.select().from(outboxMessages).where(eq(outboxMessages.kind, kind));

beforeAll(async () => {
	database = await freshDatabase();
	callId = (await makeMiniGrantCall(database.db)).id;
	officer = await actorFor(database.db, 'programme_officer');
});
afterAll(() => database.close());

describe('messaging the applicants of a call', () => {
	it('writes to each member of each matching organisation once, in their language, logged, a batch at a time', async () => {
		const db = database.db;
		const es = await actorFor(db, 'member');
		const fr = await actorFor(db, 'member');
		const open = await makeOrganisation(db, { name: 'Ciudad Abierta', members: [{ userId: (es as { userId: string }).userId, role: 'owner' }, { userId: (fr as { userId: string }).userId, role: 'member' }] });
		await db.update(users).set({ locale: 'es' }).where(eq(users.id, (es as { userId: string }).userId));
		await db.update(users).set({ locale: 'fr' }).where(eq(users.id, (fr as { userId: string }).userId));
		const hidden = await makeOrganisation(db, { name: 'Quiet Watchdog', sensitive: true });
		const third = await actorFor(db, 'member', [[hidden.id, 'owner']]);
		void third;
		await makeApplications(db, { callId, organisationId: open.id, count: 2, status: 'in_review' });
		await makeApplications(db, { callId, organisationId: hidden.id, count: 1, status: 'in_review' });
		const declinedOrg = await makeOrganisation(db);
		await actorFor(db, 'member', [[declinedOrg.id, 'owner']]);
		await makeApplications(db, { callId, organisationId: declinedOrg.id, count: 1, status: 'declined' });

		const t0 = new Date();
		const msg = await messageApplicants(db, officer, callId, { ...text, status: 'in_review' }, t0);
		expect(msg.recipients).toBe(3);
		await sendMessageBatch(db, msg.id, t0);
		const mails = await mailsOf('grant_call_message');
		expect(mails).toHaveLength(3);
		const byLocale = Object.fromEntries(mails.map((x) => [x.locale, x]));
		expect(byLocale.es.subject).toMatch(/^Novedades de /);
		expect(byLocale.es.textBody).toBe('Estimada Ciudad Abierta: el comité se reúne el viernes.');
		// French was left empty: English, the stated fallback.
		expect(byLocale.fr.textBody).toBe('Dear Ciudad Abierta: the panel meets on Friday.');
		// A sensitive partner is named by its neutral reference in a mail.
		expect(mails.map((x) => x.textBody).join('|')).not.toContain('Quiet Watchdog');
		expect(mails.map((x) => x.textBody).join('|')).toContain(hidden.reference);
		const [logged] = await db.select().from(activityEvents).where(and(eq(activityEvents.subjectId, callId), eq(activityEvents.action, 'applicants_messaged')));
		expect(logged.changes).toMatchObject({ recipients: { to: 3 } });
		const [done] = await db.select().from(grantCallMessages).where(eq(grantCallMessages.id, msg.id));
		expect(done).toMatchObject({ queued: 3 });
		expect(done.finishedAt).not.toBeNull();
	});

	it('a large audience is throttled: one batch per interval, the rest waits for the sweep', async () => {
		const db = database.db;
		const orgs = [];
		for (let i = 0; i < MESSAGE_BATCH + 20; i++) orgs.push(await makeOrganisation(db));
		const people = await Promise.all(orgs.map(() => actorFor(db, 'member')));
		void people;
		// One member per organisation, each with a submitted application.
		const { memberships } = await import('../directory/schema.ts');
		await db.insert(memberships).values(orgs.map((o, i) => ({ organisationId: o.id, userId: (people[i] as { userId: string }).userId, role: 'owner' as const })));
		for (const o of orgs) await makeApplications(db, { callId, organisationId: o.id, count: 1, status: 'submitted' });
		const t0 = new Date();
		const msg = await messageApplicants(db, officer, callId, { ...text, status: 'submitted' }, t0);
		expect(msg.recipients).toBe(MESSAGE_BATCH + 20);
		expect(await sendMessageBatch(db, msg.id, t0)).toBe(20);
		expect(await sendMessageBatch(db, msg.id, new Date(t0.getTime() + 1000))).toBeNull();
		await sweepMessages(db, new Date(t0.getTime() + MESSAGE_INTERVAL_MS + 1));
		const [done] = await db.select().from(grantCallMessages).where(eq(grantCallMessages.id, msg.id));
		expect(done.queued).toBe(MESSAGE_BATCH + 20);
		expect(done.finishedAt).not.toBeNull();
	});

	it('refuses a message without English text or without recipients, and anyone but programme staff', async () => {
		const e = await messageApplicants(database.db, officer, callId, { ...text, subject_en: '' }).catch((x) => x);
		expect(Object.keys(e.fields)).toEqual(['subject_en']);
		expect(await outcome(() => messageApplicants(database.db, officer, callId, { ...text, status: 'withdrawn' }))).toBe('INVALID_INPUT');
		for (const role of ['reviewer', 'finance', 'member'] as const)
			expect(await outcome(async () => messageApplicants(database.db, await actorFor(database.db, role), callId, text))).toBe('FORBIDDEN');
	});
});
