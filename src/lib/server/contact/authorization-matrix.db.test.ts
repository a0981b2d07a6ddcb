import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { answerContactMessage } from './answer-contact-message.ts';
import { closeContactMessage } from './close-contact-message.ts';
import { getContactMessage } from './get-contact-message.ts';
import { listContactMessages } from './list-contact-messages.ts';
import { submitContactMessage } from './submit-contact-message.ts';

// Who may do what with the contact form and its inbox, cell by cell: anyone writes; only
// programme officers and admins read, answer and close. The inbox pages and the API
// (`GET /api/v1/contact-messages`, `GET /api/v1/contact-messages/{id}`) call these same use cases.

type Who = 'visitor' | 'member' | 'external' | 'reviewer' | 'finance' | 'officer' | 'admin';
const VERBS = ['write', 'list', 'read', 'answer', 'close'] as const;
const O = 'OK', F = 'FORBIDDEN';
const EXPECTED: Record<Who, string[]> = {
	//         write list read answer close
	visitor:  [O,    F,   F,   F,     F],
	member:   [O,    F,   F,   F,     F],
	external: [O,    F,   F,   F,     F],
	reviewer: [O,    F,   F,   F,     F],
	finance:  [O,    F,   F,   F,     F],
	officer:  [O,    O,   O,   O,     O],
	admin:    [O,    O,   O,   O,     O]
};

let database: Database;
const actors = {} as Record<Who, Actor>;

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	actors.visitor = ANONYMOUS;
	actors.member = await actorFor(db, 'member');
	actors.external = await actorFor(db, 'external_reviewer');
	actors.reviewer = await actorFor(db, 'reviewer');
	actors.finance = await actorFor(db, 'finance');
	actors.officer = await actorFor(db, 'programme_officer');
	actors.admin = await actorFor(db, 'admin');
});
afterAll(async () => {
	await database?.close();
});

async function attempt(who: Who, verb: (typeof VERBS)[number], n: number): Promise<string> {
	const db = database.db;
	const a = actors[who];
	// Each cell works on a message of its own, so that one cell's close does not change another's.
	const { id } = await submitContactMessage(db, { topic: 'other', message: `A message for cell ${who} ${verb}.`, email: `sender${n}@example.org` }, { locale: 'en', ip: `10.0.${n}.1` });
	switch (verb) {
		case 'write':
			return outcome(() => submitContactMessage(db, { topic: 'grants', message: 'How fast do you decide?' }, { locale: 'en', ip: `10.1.${n}.1` }));
		case 'list':
			return outcome(() => listContactMessages(db, a));
		case 'read':
			return outcome(() => getContactMessage(db, a, id));
		case 'answer':
			return outcome(() => answerContactMessage(db, a, id, { answer: 'Within ten working days.' }));
		case 'close':
			return outcome(() => closeContactMessage(db, a, id));
	}
}

describe('contact authorization matrix', () => {
	let n = 0;
	for (const who of Object.keys(EXPECTED) as Who[])
		it(`${who}: ${VERBS.join(', ')}`, async () => {
			const got: string[] = [];
			for (const verb of VERBS) got.push(await attempt(who, verb, ++n));
			expect(got).toEqual(EXPECTED[who]);
		});
});
