import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeApplications, makeMiniGrantCall } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { reviewerWorkload } from './reviewer-workload.ts';
import { grantAssignments } from './schema.ts';

let database: Database;
let officer: Actor;
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');
const DAY = 86_400_000;

beforeAll(async () => {
	database = await freshDatabase();
	officer = await actorFor(database.db, 'programme_officer');
});
afterAll(() => database.close());

describe('reviewer workload', () => {
	it('counts per reviewer what is assigned, to do, handed back for a conflict, reviewed and overdue, per call', async () => {
		const db = database.db;
		const call = await makeMiniGrantCall(db);
		const other = await makeMiniGrantCall(db, { slug: 'other-call' });
		const org = await makeOrganisation(db);
		const apps = await makeApplications(db, { callId: call.id, organisationId: org.id, count: 4, status: 'in_review' });
		const [elsewhere] = await makeApplications(db, { callId: other.id, organisationId: org.id, count: 1, status: 'in_review' });
		const busy = await actorFor(db, 'reviewer');
		const idle = await actorFor(db, 'external_reviewer');
		const old = new Date(Date.now() - 20 * DAY);
		await db.insert(grantAssignments).values([
			{ applicationId: apps[0], stageIndex: 0, reviewerId: uid(busy), status: 'pending', createdAt: old },
			{ applicationId: apps[1], stageIndex: 0, reviewerId: uid(busy), status: 'clear' },
			{ applicationId: apps[2], stageIndex: 0, reviewerId: uid(busy), status: 'conflict' },
			{ applicationId: apps[3], stageIndex: 0, reviewerId: uid(busy), status: 'reviewed', createdAt: old },
			{ applicationId: elsewhere, stageIndex: 0, reviewerId: uid(busy), status: 'pending', createdAt: old }
		]);
		const all = await reviewerWorkload(db, officer);
		expect(all.rows.find((r) => r.id === uid(busy))).toMatchObject({ assigned: 5, open: 3, declared: 1, reviewed: 1, overdue: 2 });
		expect(all.rows.find((r) => r.id === uid(idle))).toMatchObject({ assigned: 0, open: 0, overdue: 0 });
		const one = await reviewerWorkload(db, officer, { call: call.id });
		expect(one.rows.find((r) => r.id === uid(busy))).toMatchObject({ assigned: 4, open: 2, overdue: 1 });
	});

	it('is for those who run calls only', async () => {
		for (const role of ['reviewer', 'finance', 'member'] as const) expect(await outcome(async () => reviewerWorkload(database.db, await actorFor(database.db, role)))).toBe('FORBIDDEN');
		expect(await outcome(() => reviewerWorkload(database.db, officer, { call: 'nope' }))).toBe('INVALID_INPUT');
	});
});
