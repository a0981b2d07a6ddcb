import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type UserActor } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { notifications } from '../notifications/schema.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { getHome } from '../home/get-home.ts';
import { answerContactMessage } from './answer-contact-message.ts';
import { closeContactMessage } from './close-contact-message.ts';
import { deleteClosedContactMessages } from './delete-closed-messages.ts';
import { getContactMessage } from './get-contact-message.ts';
import { listContactMessages } from './list-contact-messages.ts';
import { contactMessages } from './schema.ts';
import { CONTACT_LIMIT, submitContactMessage } from './submit-contact-message.ts';

let database: Database;
let officer: UserActor;
let reviewer: UserActor;
let member: UserActor;
const RULES = { guestRegistrationDays: 180, outboxBodyDays: 90, draftIdleDays: 365, draftWarningDays: 14, declinedAnswersDays: 730, contactMessageDays: 180 };

beforeAll(async () => {
	database = await freshDatabase();
	officer = (await actorFor(database.db, 'programme_officer')) as UserActor;
	reviewer = (await actorFor(database.db, 'reviewer')) as UserActor;
	member = (await actorFor(database.db, 'member')) as UserActor;
});
afterAll(() => database.close());

const send = (raw: Record<string, unknown>, ip = '203.0.113.7') => submitContactMessage(database.db, raw, { locale: 'es', ip });

describe('the contact form', () => {
	it('needs no account; the officers get a notice that carries a link and not the message', async () => {
		const { id } = await send({ topic: 'toolkit', message: 'The power map could export to a spreadsheet.', name: 'Ana', email: 'Ana@Example.org' });
		const [row] = await database.db.select().from(contactMessages).where(eq(contactMessages.id, id));
		expect(row).toMatchObject({ topic: 'toolkit', email: 'ana@example.org', locale: 'es', status: 'open' });
		const notices = await database.db.select().from(notifications).where(and(eq(notifications.userId, officer.userId), eq(notifications.subjectId, id)));
		expect(notices).toHaveLength(1);
		expect(notices[0].href).toBe(`/inbox/${id}`);
		expect(JSON.stringify(notices[0])).not.toContain('power map');
		const home = await getHome(database.db, officer, 'en');
		if (home.kind !== 'officer') throw new Error(home.kind);
		expect(home.counts.messages).toBe(1);
		expect(home.messages.map((m) => m.id)).toEqual([id]);
	});

	it('refuses a topic outside the list and a message too short, saving nothing', async () => {
		const before = (await database.db.select().from(contactMessages)).length;
		expect(await outcome(() => send({ topic: 'complaints', message: 'A long enough message here.' }, '203.0.113.8'))).toBe('INVALID_INPUT');
		expect(await outcome(() => send({ topic: 'other', message: 'short' }, '203.0.113.8'))).toBe('INVALID_INPUT');
		expect((await database.db.select().from(contactMessages)).length).toBe(before);
	});

	it('is rate limited per address', async () => {
		const ip = '198.51.100.20';
		for (let i = 0; i < CONTACT_LIMIT.max; i++) await send({ topic: 'other', message: `Suggestion number ${i} for the hub.` }, ip);
		expect(await outcome(() => send({ topic: 'other', message: 'One message too many for now.' }, ip))).toBe('RATE_LIMITED');
	});
});

describe('the staff inbox', () => {
	it('is for programme staff only', async () => {
		for (const a of [ANONYMOUS, reviewer, member]) expect(await outcome(() => listContactMessages(database.db, a))).toBe('FORBIDDEN');
		const { rows, open } = await listContactMessages(database.db, officer);
		expect(open).toBeGreaterThan(0);
		expect(rows[0].status).toBe('open');
	});

	it('an officer answers by mail in the sender’s language, then closes; someone else cannot', async () => {
		const { id } = await send({ topic: 'grants', message: '¿Cuánto tarda la decisión de una minisubvención?', email: 'lucia@example.org' }, '192.0.2.50');
		expect(await outcome(() => answerContactMessage(database.db, member, id, { answer: 'Diez días hábiles.' }))).toBe('FORBIDDEN');
		await answerContactMessage(database.db, officer, id, { answer: 'Diez días hábiles como máximo.' });
		const [mail] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'lucia@example.org'));
		expect(mail.locale).toBe('es');
		expect(mail.textBody).toContain('Diez días hábiles como máximo.');
		expect((await getContactMessage(database.db, officer, id)).status).toBe('answered');
		expect(await outcome(() => closeContactMessage(database.db, reviewer, id))).toBe('FORBIDDEN');
		await closeContactMessage(database.db, officer, id);
		expect((await getContactMessage(database.db, officer, id)).status).toBe('closed');
		expect(await outcome(() => answerContactMessage(database.db, officer, id, { answer: 'Again.' }))).toBe('CONFLICT');
	});

	it('a message without an address can be closed but not answered', async () => {
		const { id } = await send({ topic: 'training', message: 'More sessions in French, please.' }, '192.0.2.51');
		expect(await outcome(() => answerContactMessage(database.db, officer, id, { answer: 'Noted.' }))).toBe('CONFLICT');
		await closeContactMessage(database.db, officer, id);
	});

	it('the retention rule deletes messages closed longer ago than the rule says, and no open one', async () => {
		const later = new Date(Date.now() + 181 * 86_400_000);
		const deleted = await deleteClosedContactMessages(database.db, RULES, later);
		expect(deleted).toBe(2);
		expect((await database.db.select().from(contactMessages).where(eq(contactMessages.status, 'closed'))).length).toBe(0);
		expect((await database.db.select().from(contactMessages).where(eq(contactMessages.status, 'open'))).length).toBeGreaterThan(0);
		expect(await deleteClosedContactMessages(database.db, RULES, later)).toBe(0);
	});
});
