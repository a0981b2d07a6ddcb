import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { countUnread, listNotifications } from './list-notifications.ts';
import { markAllRead, markRead } from './mark-read.ts';
import { notify } from './notify.ts';
import { getPreferences, setPreferences } from './preferences.ts';
import { notifications } from './schema.ts';

// Who may do what with notifications, written out in full. Everyone signed in works on their own
// notices only; someone else's is NOT_FOUND (it is not revealed to exist); visitors have none.

type Who = 'visitor' | 'member' | 'external' | 'reviewer' | 'finance' | 'officer' | 'admin';
const VERBS = ['list', 'read own', 'read other’s', 'read all', 'see prefs', 'set prefs', 'set bad prefs'] as const;
const O = 'OK', U = 'UNAUTHENTICATED', N = 'NOT_FOUND', I = 'INVALID_INPUT';
const EXPECTED: Record<Who, string[]> = {
	//         list read-own read-other read-all see-prefs set-prefs bad-prefs
	visitor:  [U,   U,       U,         U,       U,        U,        U],
	member:   [O,   O,       N,         O,       O,        O,        I],
	external: [O,   O,       N,         O,       O,        O,        I],
	reviewer: [O,   O,       N,         O,       O,        O,        I],
	finance:  [O,   O,       N,         O,       O,        O,        I],
	officer:  [O,   O,       N,         O,       O,        O,        I],
	admin:    [O,   O,       N,         O,       O,        O,        I]
};

let database: Database;
const actors = {} as Record<Who, Actor>;
let stranger: Actor;
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');

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
	stranger = await actorFor(db, 'member');
	const everyone = [...Object.values(actors), stranger].map(uid).filter(Boolean);
	await notify(db, { recipients: everyone, category: 'decision', subjectKind: 'request', subjectId: 'r', href: '/requests', mailedElsewhere: true });
});
afterAll(async () => {
	await database?.close();
});

async function ownId(a: Actor) {
	const [n] = await database.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, uid(a) || uid(stranger)));
	return n.id;
}

async function attempt(who: Who, verb: (typeof VERBS)[number]): Promise<string> {
	const db = database.db;
	const a = actors[who];
	switch (verb) {
		case 'list':
			return outcome(() => listNotifications(db, a));
		case 'read own':
			return outcome(async () => markRead(db, a, who === 'visitor' ? await ownId(stranger) : await ownId(a)));
		case 'read other’s':
			return outcome(async () => markRead(db, a, await ownId(stranger)));
		case 'read all':
			return outcome(() => markAllRead(db, a));
		case 'see prefs':
			return outcome(() => getPreferences(db, a));
		case 'set prefs':
			return outcome(() => setPreferences(db, a, { decision: 'daily' }));
		case 'set bad prefs':
			return outcome(() => setPreferences(db, a, { decision: 'weekly' }));
	}
}

describe('notifications authorization matrix', () => {
	for (const who of Object.keys(EXPECTED) as Who[])
		it(`${who}: ${VERBS.join(', ')}`, async () => {
			const got: string[] = [];
			for (const verb of VERBS) got.push(await attempt(who, verb));
			expect(got).toEqual(EXPECTED[who]);
		});

	it('another person’s notice stays unread after everyone tried to mark it', async () => {
		expect(await countUnread(database.db, stranger)).toBe(1);
	});
});
