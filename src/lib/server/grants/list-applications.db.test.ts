import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeMiniGrantCall } from '../seed/grants-factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { countPipeline } from './count-pipeline.ts';
import { COUNT_LIMIT, listApplications, PAGE_SIZE } from './list-applications.ts';
import { applicationListContext } from './list-context.ts';
import { listOpenCalls } from './list-open-calls.ts';
import { listReviewers } from './list-reviewers.ts';
import { grantApplications } from './schema.ts';

let database: Database;
let officer: Actor;
let callId: string;

beforeAll(async () => {
	database = await freshDatabase();
	const call = await makeMiniGrantCall(database.db);
	callId = call.id;
	const org = await makeOrganisation(database.db, { name: 'Cuentas Claras', kind: 'civil_society' });
	officer = await actorFor(database.db, 'programme_officer');
	const submittedAt = new Date('2026-01-05T10:00:00Z');
	// More in screening than the list counts, and a handful of in-review ones with a word of their own.
	const rows: (typeof grantApplications.$inferInsert)[] = Array.from({ length: COUNT_LIMIT + 10 }, (_, i) => ({ callId: call.id, organisationId: org.id, status: 'screening' as const, title: `Open budgets ${i}`, revision: 1, submittedAt: new Date(submittedAt.getTime() + i * 60_000) }));
	rows.push(...Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({ callId: call.id, organisationId: org.id, status: 'in_review' as const, title: `Procurement watch ${i}`, revision: 1, submittedAt })));
	await database.db.insert(grantApplications).values(rows);
});
afterAll(() => database.close());

describe('the staff list at volume', () => {
	it('the pipeline counts each step on its own, capped like the list, for the call or all calls, and only for programme staff', async () => {
		const steps = Object.fromEntries((await countPipeline(database.db, officer)).map((s) => [s.status, [s.count, s.exact]]));
		expect(steps).toMatchObject({ screening: [COUNT_LIMIT, false], in_review: [PAGE_SIZE + 5, true], awarded: [0, true], draft: [0, true] });
		const inCall = await countPipeline(database.db, officer, { call: callId });
		expect(inCall.find((s) => s.status === 'in_review')?.count).toBe(PAGE_SIZE + 5);
		const otherCall = await countPipeline(database.db, officer, { call: '00000000-0000-4000-8000-000000000000' });
		expect(otherCall.every((s) => s.count === 0 && s.exact)).toBe(true);
		for (const role of ['finance', 'reviewer', 'member'] as const) expect(await countPipeline(database.db, await actorFor(database.db, role))).toEqual([]);
	});

	it('counts exactly up to the limit, and past it says how many there are at least', async () => {
		const few = await listApplications(database.db, officer, { status: 'in_review' });
		expect([few.total, few.totalExact, few.rows.length]).toEqual([PAGE_SIZE + 5, true, PAGE_SIZE]);
		const many = await listApplications(database.db, officer, { status: 'screening' });
		expect([many.total, many.totalExact, many.rows.length]).toEqual([COUNT_LIMIT, false, PAGE_SIZE]);
		// Further pages count as far again past their first row: the last page's count is exact.
		const last = await listApplications(database.db, officer, { status: 'screening', page: '21' });
		expect([last.total, last.totalExact, last.rows.length]).toEqual([COUNT_LIMIT + 10, true, 10]);
	});

	it('a word search is not counted beyond its next page: a full page says "more than", the last page is exact', async () => {
		const first = await listApplications(database.db, officer, { q: 'procurement wat' });
		expect([first.total, first.totalExact, first.rows.length]).toEqual([PAGE_SIZE, false, PAGE_SIZE]);
		const second = await listApplications(database.db, officer, { q: 'procurement wat', page: '2' });
		expect([second.total, second.totalExact, second.rows.length]).toEqual([PAGE_SIZE + 5, true, 5]);
		expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(PAGE_SIZE + 5);
	});

	it('reads what surrounds the list in one statement, the same as reading the pipeline, the open calls and the reviewers one by one', async () => {
		const openCalls = (await listOpenCalls(database.db)).map((c) => ({ id: c.call.id, title: c.call.title }));
		expect(openCalls.length).toBeGreaterThan(0);
		for (const query of [{}, { call: callId }, { call: '00000000-0000-4000-8000-000000000000' }]) {
			// Twice: the second read runs the statement already prepared.
			for (let i = 0; i < 2; i++)
				expect(await applicationListContext(database.db, officer, query)).toEqual({ pipeline: await countPipeline(database.db, officer, query), calls: openCalls, reviewers: await listReviewers(database.db) });
		}
		const member = await actorFor(database.db, 'member');
		expect(await applicationListContext(database.db, member)).toEqual({ pipeline: [], calls: openCalls, reviewers: [] });
		// A call whose dates have passed is not offered.
		const later = new Date(Date.now() + 3 * 365 * 86_400_000);
		expect((await applicationListContext(database.db, officer, {}, later)).calls).toEqual((await listOpenCalls(database.db, later)).map((c) => ({ id: c.call.id, title: c.call.title })));
	});
});
