import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import { listActivity } from '../activity/list-activity.ts';
import type { Database } from '../db/client.ts';
import { listRequests } from '../engagement/list-requests.ts';
import { erasePerson } from '../privacy/erase-person.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { users } from '../identity/schema.ts';
import { makeRequest } from '../seed/engagement-factories.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { addToNeedToKnow } from './add-to-need-to-know.ts';
import { listNeedToKnow } from './list-need-to-know.ts';
import { entitledToIdentity } from './partner-label.ts';
import { removeFromNeedToKnow } from './remove-from-need-to-know.ts';
import { needToKnow, organisations } from './schema.ts';
import { identityEntitled } from './scope.ts';
import { updateOrganisation } from './update-organisation.ts';

let database: Database;
let quiet: { id: string; reference: string };
let open: { id: string };
let officer: Actor;
let reviewerId: string;
let financeId: string;
const uid = (a: Actor) => (a as { userId: string }).userId;

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	quiet = await makeOrganisation(db, { name: 'Quiet Partner', sensitive: true });
	open = await makeOrganisation(db, { name: 'Open Partner' });
	officer = await actorFor(db, 'programme_officer');
	reviewerId = (await makeUser(db, { role: 'reviewer', name: 'Rita Reviewer' })).id;
	financeId = (await makeUser(db, { role: 'finance', name: 'Fred Finance' })).id;
});
afterAll(() => database.close());

const rows = () => database.db.select().from(needToKnow).where(eq(needToKnow.organisationId, quiet.id));
const logged = (action: string) =>
	database.db.select().from(activityEvents).where(and(eq(activityEvents.organisationId, quiet.id), eq(activityEvents.action, action)));

describe('a sensitive partner’s need-to-know list', () => {
	it('an officer names a reviewer; the list says who added them and when, and the audit log records it', async () => {
		const r = await addToNeedToKnow(database.db, officer, quiet.id, { userId: reviewerId });
		expect(r).toEqual({ organisationId: quiet.id, userId: reviewerId, added: true });
		const list = await listNeedToKnow(database.db, officer, quiet.id);
		expect(list.people).toHaveLength(1);
		expect(list.people[0]).toMatchObject({ userId: reviewerId, name: 'Rita Reviewer', role: 'reviewer', addedBy: { id: uid(officer) } });
		expect(list.people[0].addedAt).toBeInstanceOf(Date);
		expect(list.candidates.map((c) => c.userId)).toContain(financeId);
		expect(list.candidates.map((c) => c.userId)).not.toContain(reviewerId);
		const events = await logged('need_to_know_added');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actorId: uid(officer), subjectType: 'organisation', subjectId: quiet.id, changes: { needToKnow: { from: null, to: reviewerId } } });
	});

	it('adding someone already listed changes nothing and logs nothing', async () => {
		const r = await addToNeedToKnow(database.db, officer, quiet.id, { userId: reviewerId });
		expect(r.added).toBe(false);
		expect(await rows()).toHaveLength(1);
		expect(await logged('need_to_know_added')).toHaveLength(1);
	});

	it('the person on the list sees the identity from their next request; others do not', async () => {
		const listed = await loadActor(database.db, reviewerId, 'session');
		const other = await loadActor(database.db, financeId, 'session');
		expect(entitledToIdentity(listed, { id: quiet.id, sensitive: true })).toBe(true);
		expect(entitledToIdentity(other, { id: quiet.id, sensitive: true })).toBe(false);
		await makeRequest(database.db, { organisationId: quiet.id, status: 'submitted' });
		const names = async (a: Actor) => (await listRequests(database.db, a, {})).items.filter((i) => i.organisationId === quiet.id).map((i) => i.organisationName);
		expect(await names(listed)).toEqual(['Quiet Partner']);
		const masked = await names(other);
		expect(masked).toHaveLength(1);
		expect(masked[0]).toContain(quiet.reference);
		expect(masked[0]).not.toContain('Quiet');
	});

	it('staff not on the list do not read the directory history that carries the partner’s identity', async () => {
		await updateOrganisation(database.db, officer, quiet.id, { name: 'Quiet Partner' , description: 'edited' });
		const listed = await loadActor(database.db, reviewerId, 'session');
		const other = await loadActor(database.db, financeId, 'session');
		expect((await listActivity(database.db, listed, { organisationId: quiet.id })).length).toBeGreaterThan(0);
		expect(await listActivity(database.db, other, { organisationId: quiet.id })).toEqual([]);
		expect((await listActivity(database.db, other, { organisationId: open.id })).length).toBeGreaterThanOrEqual(0);
	});

	it('refuses whom the list cannot name, in the reader’s language, and changes nothing', async () => {
		const db = database.db;
		const admin = await makeUser(db, { role: 'admin' });
		const outside = await makeUser(db, { role: 'external_reviewer' });
		const member = await makeUser(db, { role: 'member' });
		const erased = await makeUser(db, { role: 'reviewer' });
		await db.update(users).set({ erasedAt: new Date() }).where(eq(users.id, erased.id));
		for (const userId of [admin.id, outside.id, member.id, erased.id, 'no-such-person', '']) {
			const e = await addToNeedToKnow(db, officer, quiet.id, { userId }).catch((x) => x);
			expect(e.code, userId).toBe('INVALID_INPUT');
			expect(Object.keys(e.fields)).toEqual(['userId']);
		}
		expect(await outcome(() => addToNeedToKnow(db, officer, quiet.id, {}))).toBe('INVALID_INPUT');
		expect(await outcome(() => addToNeedToKnow(db, officer, 'not-a-uuid', { userId: financeId }))).toBe('NOT_FOUND');
		const es = { ...(officer as object), locale: 'es' } as Actor;
		const { m } = await import('#lib/paraglide/messages.js');
		const { getLocale, overwriteGetLocale } = await import('#lib/paraglide/runtime.js');
		const before = getLocale;
		overwriteGetLocale(() => 'es');
		try {
			const e = await addToNeedToKnow(db, es, quiet.id, { userId: admin.id }).catch((x) => x);
			expect(e.fields.userId[0]).toBe(m.v_need_to_know_staff_only({}, { locale: 'es' }));
		} finally {
			overwriteGetLocale(before);
		}
		for (const role of ['reviewer', 'finance', 'external_reviewer', 'member'] as const) {
			const a = await actorFor(db, role, [[quiet.id, 'owner']]);
			expect(await outcome(() => addToNeedToKnow(db, a, quiet.id, { userId: financeId })), role).toBe('FORBIDDEN');
			expect(await outcome(() => removeFromNeedToKnow(db, a, quiet.id, reviewerId)), role).toBe('FORBIDDEN');
			expect(await outcome(() => listNeedToKnow(db, a, quiet.id)), role).toBe('FORBIDDEN');
		}
		expect(await outcome(() => listNeedToKnow(db, ANONYMOUS, quiet.id))).toBe('FORBIDDEN');
		expect(await rows()).toHaveLength(1);
		expect(await logged('need_to_know_added')).toHaveLength(1);
	});

	it('removing takes the person off at once and is logged; removing someone not listed is a 404', async () => {
		await removeFromNeedToKnow(database.db, officer, quiet.id, reviewerId);
		expect(await rows()).toEqual([]);
		expect(await logged('need_to_know_removed')).toHaveLength(1);
		const after = await loadActor(database.db, reviewerId, 'session');
		expect(entitledToIdentity(after, { id: quiet.id, sensitive: true })).toBe(false);
		expect(await outcome(() => removeFromNeedToKnow(database.db, officer, quiet.id, reviewerId))).toBe('NOT_FOUND');
		expect(await logged('need_to_know_removed')).toHaveLength(1);
	});

	it('the SQL rule for lists agrees with entitledToIdentity for every role, on and off the list', async () => {
		const db = database.db;
		await addToNeedToKnow(db, officer, quiet.id, { userId: financeId });
		const actors: Actor[] = [ANONYMOUS, officer, await actorFor(db, 'admin'), await loadActor(db, financeId, 'session'), await loadActor(db, reviewerId, 'session'), await actorFor(db, 'external_reviewer'), await actorFor(db, 'member', [[quiet.id, 'member']]), await actorFor(db, 'member')];
		for (const a of actors) {
			const got = await db
				.select({ id: organisations.id, ok: sql<boolean>`${identityEntitled(a, organisations.id, organisations.sensitive)}` })
				.from(organisations);
			for (const row of got) {
				const [org] = await db.select().from(organisations).where(eq(organisations.id, row.id));
				expect(!!row.ok, `${a.kind === 'user' ? a.role : 'anonymous'} on ${org.name}`).toBe(entitledToIdentity(a, org));
			}
		}
	});

	it('when a listed person is erased or the partner goes, so does the entry', async () => {
		const db = database.db;
		const gone = await makeUser(db, { role: 'reviewer' });
		await addToNeedToKnow(db, officer, quiet.id, { userId: gone.id });
		await erasePerson(db, await actorFor(db, 'admin'), gone.id);
		expect(await db.select().from(needToKnow).where(eq(needToKnow.userId, gone.id))).toEqual([]);
		const temp = await makeOrganisation(db, { sensitive: true });
		await addToNeedToKnow(db, officer, temp.id, { userId: financeId });
		await db.delete(organisations).where(eq(organisations.id, temp.id));
		expect(await db.select().from(needToKnow).where(eq(needToKnow.organisationId, temp.id))).toEqual([]);
	});
});
