import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { UserActor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { exportRequests } from '../engagement/export-requests.ts';
import { exportAudit } from './export-audit.ts';
import { listAudit } from './list-audit.ts';
import { recordActivity } from './record-activity.ts';
import { activityEvents } from './schema.ts';

let database: Database;
let admin: UserActor, officer: UserActor, reviewer: UserActor;

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	admin = (await actorFor(db, 'admin')) as UserActor;
	officer = (await actorFor(db, 'programme_officer')) as UserActor;
	reviewer = (await actorFor(db, 'reviewer')) as UserActor;
	const org = await makeOrganisation(db, { name: 'Audit Partner' });
	await recordActivity(db, officer, { subjectType: 'request', subjectId: '11111111-1111-4111-8111-111111111111', organisationId: org.id, action: 'decided', changes: { decision: { from: null, to: 'invest' } } });
	await recordActivity(db, admin, { subjectType: 'request', subjectId: '11111111-1111-4111-8111-111111111111', action: 'gate_overridden', changes: { reason: { from: null, to: 'Urgent' } } });
	// A value typed by a person that a spreadsheet would run as a formula.
	await recordActivity(db, admin, { subjectType: 'note', subjectId: '=HYPERLINK("http://evil.example")', action: 'gate_overridden' });
	await recordActivity(db, admin, { subjectType: 'user', subjectId: reviewer.userId, action: 'role_changed', changes: { role: { from: 'member', to: 'reviewer' } } });
	// An old event, outside the period filtered below.
	await db.insert(activityEvents).values({ actorId: officer.userId, subjectType: 'call', subjectId: 'call-1', action: 'created', createdAt: new Date('2025-01-15T10:00:00Z') });
});
afterAll(() => database.close());

describe('the audit log', () => {
	it('is for admins only', async () => {
		for (const who of [officer, reviewer]) {
			expect(await outcome(() => listAudit(database.db, who, {}))).toBe('FORBIDDEN');
			expect(await outcome(() => exportAudit(database.db, who, {}))).toBe('FORBIDDEN');
		}
	});

	it('filters by who, what, subject and period, and pages', async () => {
		const db = database.db;
		const all = await listAudit(db, admin, {});
		expect(all.total).toBeGreaterThanOrEqual(4);
		expect(all.actions).toEqual(expect.arrayContaining(['decided', 'gate_overridden', 'role_changed', 'created']));
		expect((await listAudit(db, admin, { who: officer.name })).items.every((e) => e.actorId === officer.userId)).toBe(true);
		expect((await listAudit(db, admin, { who: officer.email.slice(0, 6) })).total).toBeGreaterThan(0);
		expect((await listAudit(db, admin, { action: 'gate_overridden' })).items.map((e) => e.actorId)).toEqual([admin.userId, admin.userId]);
		expect((await listAudit(db, admin, { subjectType: 'user', subject: reviewer.userId })).total).toBe(1);
		expect((await listAudit(db, admin, { from: '2025-01-15', to: '2025-01-15' })).items.map((e) => e.subjectId)).toEqual(['call-1']);
		expect((await listAudit(db, admin, { to: '2025-01-14' })).total).toBe(0);
		const page2 = await listAudit(db, admin, { pageSize: 2, page: 2 });
		expect(page2.items).toHaveLength(2);
		expect(page2.items[0].id).not.toBe((await listAudit(db, admin, { pageSize: 2 })).items[0].id);
		// A "%" is looked for as itself, not as a wildcard.
		expect((await listAudit(db, admin, { who: '%' })).total).toBe(0);
	});

	it('refuses bad filters in the reader’s language', async () => {
		const err = await listAudit(database.db, admin, { from: 'yesterday', action: 'DROP TABLE' }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields)).toEqual(expect.arrayContaining(['from', 'action']));
	});

	it('exports CSV with formula cells neutralised, and logs every export', async () => {
		const db = database.db;
		const file = await exportAudit(db, admin, { action: 'gate_overridden' });
		expect(file.body).toContain(`'=HYPERLINK`);
		expect(file.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
		await exportRequests(db, officer, { country: 'KE' }, 'csv');
		const exports = await db.select().from(activityEvents).where(eq(activityEvents.action, 'exported'));
		expect(exports.map((e) => e.changes?.export.to).sort()).toEqual(['audit', 'requests']);
		const requests = exports.find((e) => e.changes?.export.to === 'requests')!;
		expect(requests.actorId).toBe(officer.userId);
		expect(requests.changes?.filters.to).toEqual({ country: 'KE' });
	});
});
