import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { notifications } from '../notifications/schema.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeApplications, makeMiniGrantCall } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { bulkActOnApplications } from './bulk-act-on-applications.ts';
import { grantApplications, grantAssignments } from './schema.ts';

let database: Database;
let officer: Actor;
let callId: string;
let orgId: string;
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');
const statuses = async (ids: string[]) =>
	(await database.db.select({ status: grantApplications.status }).from(grantApplications).where(inArray(grantApplications.id, ids))).map((r) => r.status);

beforeAll(async () => {
	database = await freshDatabase();
	callId = (await makeMiniGrantCall(database.db)).id;
	officer = await actorFor(database.db, 'programme_officer');
	const org = await makeOrganisation(database.db, { name: 'Ciudad Abierta' });
	orgId = org.id;
	await actorFor(database.db, 'member', [[org.id, 'owner']]);
});
afterAll(() => database.close());

describe('bulk actions on the staff list', () => {
	it('declines 500 applications in one transaction: each declined, logged, mailed and noticed', async () => {
		const ids = await makeApplications(database.db, { callId, organisationId: orgId, count: 500, status: 'decision' });
		const mailsBefore = (await database.db.select({ n: count() }).from(outboxMessages))[0].n;
		const result = await bulkActOnApplications(database.db, officer, { action: 'decline', message: 'The call was oversubscribed.', scope: 'selected', id: ids });
		expect(result).toMatchObject({ action: 'decline', count: 500 });
		expect(new Set(await statuses(ids))).toEqual(new Set(['declined']));
		const [{ n: logged }] = await database.db.select({ n: count() }).from(activityEvents).where(and(inArray(activityEvents.subjectId, ids), eq(activityEvents.action, 'status_changed')));
		expect(logged).toBe(500);
		const [{ n: mails }] = await database.db.select({ n: count() }).from(outboxMessages);
		expect(mails - mailsBefore).toBe(500);
		const [{ n: notices }] = await database.db.select({ n: count() }).from(notifications).where(inArray(notifications.subjectId, ids));
		expect(notices).toBe(500);
		const [one] = await database.db.select().from(grantApplications).where(eq(grantApplications.id, ids[0]));
		expect(one).toMatchObject({ decisionMessage: 'The call was oversubscribed.', version: 2 });
	});

	it('is all or nothing: one of 500 that cannot be declined leaves all 500 as they were', async () => {
		const ids = await makeApplications(database.db, { callId, organisationId: orgId, count: 499, status: 'in_review' });
		const [awarded] = await makeApplications(database.db, { callId, organisationId: orgId, count: 1, status: 'awarded', title: () => 'Already awarded' });
		const [{ n: before }] = await database.db.select({ n: count() }).from(activityEvents);
		const err = await bulkActOnApplications(database.db, officer, { action: 'decline', message: 'No', scope: 'selected', id: [...ids, awarded] }).catch((e) => e);
		expect(err.code).toBe('INVALID_TRANSITION');
		expect(err.message).toContain('Already awarded');
		expect(new Set(await statuses(ids))).toEqual(new Set(['in_review']));
		expect(await statuses([awarded])).toEqual(['awarded']);
		expect((await database.db.select({ n: count() }).from(activityEvents))[0].n).toBe(before);
	});

	it('acts on everything matching the filter, and assigns a reviewer to each', async () => {
		const other = await makeOrganisation(database.db);
		const ids = await makeApplications(database.db, { callId, organisationId: other.id, count: 30, status: 'submitted', title: (i) => `Procurement portal ${i}` });
		const moved = await bulkActOnApplications(database.db, officer, { action: 'start_screening', scope: 'filter', call: callId, status: 'submitted', q: 'portal' });
		expect(moved.count).toBe(30);
		expect(new Set(await statuses(ids))).toEqual(new Set(['screening']));
		const reviewer = await actorFor(database.db, 'reviewer');
		const assigned = await bulkActOnApplications(database.db, officer, { action: 'assign', reviewerId: uid(reviewer), scope: 'selected', id: ids.slice(0, 10) });
		expect(assigned.count).toBe(10);
		const again = await bulkActOnApplications(database.db, officer, { action: 'assign', reviewerId: uid(reviewer), scope: 'selected', id: ids.slice(0, 12) });
		expect(again.count).toBe(2);
		const [{ n }] = await database.db.select({ n: count() }).from(grantAssignments).where(eq(grantAssignments.reviewerId, uid(reviewer)));
		expect(n).toBe(12);
		const finance = await actorFor(database.db, 'finance');
		expect(await outcome(() => bulkActOnApplications(database.db, officer, { action: 'assign', reviewerId: uid(finance), scope: 'selected', id: ids }))).toBe('INVALID_TRANSITION');
	});

	it('refuses bad input with a message per field and nothing selected', async () => {
		const e1 = await bulkActOnApplications(database.db, officer, { action: 'decline', message: '', scope: 'filter', call: callId }).catch((e) => e);
		expect(Object.keys(e1.fields)).toEqual(['message']);
		const e2 = await bulkActOnApplications(database.db, officer, { action: 'send_to_review', scope: 'selected' }).catch((e) => e);
		expect(e2.code).toBe('INVALID_INPUT');
		expect(await outcome(() => bulkActOnApplications(database.db, officer, { action: 'award', scope: 'filter' }))).toBe('INVALID_INPUT');
	});

	it('partners, reviewers and finance may not act in bulk', async () => {
		for (const role of ['reviewer', 'external_reviewer', 'finance', 'member'] as const) {
			const a = await actorFor(database.db, role, role === 'member' ? [[orgId, 'owner']] : []);
			expect(await outcome(() => bulkActOnApplications(database.db, a, { action: 'start_screening', scope: 'filter', call: callId }))).toBe('FORBIDDEN');
		}
	});
});
