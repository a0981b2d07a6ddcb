import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Database } from '../db/client.ts';
import { invitations, memberships, people } from '../directory/schema.ts';
import { engagementAssessments } from '../engagement/schema.ts';
import { getConsolidation } from '../engagement/get-consolidation.ts';
import { consolidationJson } from '../engagement/json.ts';
import { registerForEvent } from '../events/register-for-event.ts';
import { eventRegistrations } from '../events/schema.ts';
import { grantApplications, grantAssignments, grantAwards, grantReviews, grantTranches } from '../grants/schema.ts';
import { ANONYMOUS, type UserActor } from '../identity/actor.ts';
import { authenticateApiToken } from '../identity/authenticate-api-token.ts';
import { createApiToken } from '../identity/create-api-token.ts';
import { hitRateLimit } from '../identity/rate-limit.ts';
import { createAuth, type Auth } from '../identity/auth.ts';
import { loadActor } from '../identity/load-actor.ts';
import { users } from '../identity/schema.ts';
import { queueMail } from '../mail/mailer.ts';
import { makeAssessments, makeRequest } from '../seed/engagement-factories.ts';
import { makeEvent } from '../seed/events-factories.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { makeCall } from '../seed/grants-factories.ts';
import { makeStrategy } from '../seed/toolkit-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { ERASED_NAME } from './contributor.ts';
import { deleteOwnAccount } from './delete-own-account.ts';
import { describeErasure } from './describe-erasure.ts';
import { erasePerson } from './erase-person.ts';
import { exportOwnData } from './export-own-data.ts';

let database: Database;
let auth: Auth;
const PASSWORD = 'a long enough pass';

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

// As right after signing in: the proof of identity is fresh.
const me = async (userId: string) => ({ ...((await loadActor(database.db, userId, 'session')) as UserActor), provenAt: new Date() });

/** Every text, varchar, jsonb and text[] column of every table in the hub's schema that contains `needle`. */
async function whereFound(needle: string): Promise<string[]> {
	const columns = (await database.db.execute(sql`
		SELECT c.table_name, c.column_name FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
		  AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
		ORDER BY 1, 2`)) as unknown as { rows: { table_name: string; column_name: string }[] };
	const found: string[] = [];
	for (const { table_name, column_name } of columns.rows) {
		const r = (await database.db.execute(
			sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} WHERE strpos(lower(${sql.identifier(column_name)}::text), ${needle.toLowerCase()}) > 0`
		)) as unknown as { rows: { n: number }[] };
		if (r.rows[0].n > 0) found.push(`${table_name}.${column_name}`);
	}
	expect(columns.rows.length).toBeGreaterThan(50);
	return found;
}

/** A person present in every capability, under a name and address found nowhere else. */
async function personEverywhere() {
	const word = `Zq${crypto.randomUUID().slice(0, 8)}`;
	const name = `Orlanda ${word} Vexley`;
	const email = `orlanda.${word.toLowerCase()}@civic-partner.example`;
	const u = await makeUser(database.db, { name, email, password: PASSWORD, role: 'reviewer' });
	const admin = await actorFor(database.db, 'admin');
	const adminId = (admin as UserActor).userId;
	const org = await makeOrganisation(database.db, { members: [{ userId: u.id, role: 'owner' }] });
	// A contact record with the person's address, an invitation to it, a strategy seat.
	await database.db.insert(people).values({ organisationId: org.id, name, email, phone: '+254 700 000 001' });
	await database.db.insert(invitations).values({ organisationId: org.id, email, role: 'member', tokenHash: `h-${word}`, expiresAt: new Date(Date.now() + 86_400_000) });
	await makeStrategy(database.db, { organisationId: org.id, createdBy: u.id, editors: [u.id] });
	// Sessions, an API token, a rate-limit counter keyed by the address.
	await auth.api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers({ 'user-agent': 'Laptop/1' }) });
	const { token } = await createApiToken(database.db, await me(u.id), { name: 'script' });
	await hitRateLimit(database.db, `signin:email:${email}`, 5, 60);
	// Two event registrations: one signed in, one as a guest with the same address; a mail each.
	const e1 = await makeEvent(database.db, {});
	const e2 = await makeEvent(database.db, {});
	await registerForEvent(database.db, await me(u.id), e1.id, { name, email, organisationName: 'Vexley Collective', country: 'KE', consent: true }, { locale: 'en' });
	await registerForEvent(database.db, ANONYMOUS, e2.id, { name, email, organisationName: 'Vexley Collective', country: 'KE', consent: true }, { locale: 'en' });
	// A mail to someone else that names the person.
	await queueMail(database.db, { kind: 'test', to: 'officer@example.org', locale: 'en', subject: `New registration: ${name}`, text: `${name} <${email}> registered.` });
	// Activity that carried the person's details.
	await recordActivity(database.db, admin, { subjectType: 'person', subjectId: crypto.randomUUID(), organisationId: org.id, action: 'updated', changes: { email: { from: null, to: email }, name: { from: null, to: name } } });
	// Work the organisation keeps: an application they wrote, an award and payment they recorded, a review, an assessment.
	const call = await makeCall(database.db);
	const [app] = await database.db.insert(grantApplications).values({ callId: call.id, organisationId: org.id, title: 'Open contracts', createdBy: u.id, status: 'awarded' }).returning();
	const [award] = await database.db.insert(grantAwards).values({ applicationId: app.id, amount: 5000, currency: 'EUR', awardedBy: u.id }).returning();
	await database.db.insert(grantTranches).values({ awardId: award.id, plannedDate: '2027-01-01', plannedAmount: 5000, paidDate: '2027-01-02', paidAmount: 5000, recordedBy: u.id });
	const [assignment] = await database.db.insert(grantAssignments).values({ applicationId: app.id, stageIndex: 0, reviewerId: u.id, status: 'reviewed' }).returning();
	await database.db.insert(grantReviews).values({ assignmentId: assignment.id, applicationId: app.id, revision: 1, scores: { fit: { points: 3, comment: 'solid' } }, total: 3, percent: 60, comment: 'Good plan' });
	const request = await makeRequest(database.db, { organisationId: org.id, requestedBy: u.id, status: 'in_assessment' });
	await makeAssessments(database.db, request.id, [{ assessorId: u.id, levels: {} }]);
	return { u, name, email, org, admin, adminId, token, award, assignment, request };
}

describe('erasure', () => {
	it('leaves the person\'s e-mail address and name in no column of any table, and keeps what the organisation must keep', async () => {
		const p = await personEverywhere();
		expect(await whereFound(p.email)).not.toEqual([]);
		expect(await whereFound(p.name)).not.toEqual([]);
		expect((await describeErasure(database.db, p.admin, p.u.id)).lastOwnerOf.map((o) => o.id)).toEqual([p.org.id]);

		await erasePerson(database.db, p.admin, p.u.id);

		expect(await whereFound(p.email)).toEqual([]);
		expect(await whereFound(p.name)).toEqual([]);
		// No name is stored in its place, in any language: the API says null, pages "former user".
		expect(await whereFound('Former user')).toEqual([]);
		const consolidation = consolidationJson(await getConsolidation(database.db, p.admin, p.request.id));
		expect(consolidation.assessments.map((a) => a.assessorName)).toEqual([null]);
		// Kept: award, payment, review, assessment, application — now pointing at "Former user".
		const [shell] = await database.db.select().from(users).where(eq(users.id, p.u.id));
		expect(shell.name).toBe(ERASED_NAME);
		expect(shell.erasedAt).not.toBeNull();
		expect(await database.db.select().from(grantAwards).where(eq(grantAwards.id, p.award.id))).toHaveLength(1);
		expect(await database.db.select().from(grantTranches).where(eq(grantTranches.awardId, p.award.id))).toHaveLength(1);
		expect(await database.db.select().from(grantReviews).where(eq(grantReviews.assignmentId, p.assignment.id))).toHaveLength(1);
		expect(await database.db.select().from(engagementAssessments).where(eq(engagementAssessments.requestId, p.request.id))).toHaveLength(1);
		expect(await database.db.select().from(memberships).where(eq(memberships.userId, p.u.id))).toEqual([]);
		expect((await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.name, ERASED_NAME))).length).toBeGreaterThanOrEqual(2);
		// Tokens and sessions stop at once; the log has the erasure with the opaque id only.
		expect(await authenticateApiToken(database.db, p.token)).toBeNull();
		const [logged] = await database.db.select().from(activityEvents).where(eq(activityEvents.action, 'person.erased'));
		expect(logged).toMatchObject({ subjectType: 'user', subjectId: p.u.id, actorId: p.adminId, changes: null });
		// Cannot sign in any more; erasing again finds no one.
		await expect(auth.api.signInEmail({ body: { email: p.email, password: PASSWORD } })).rejects.toBeTruthy();
		expect(await outcome(() => erasePerson(database.db, p.admin, p.u.id))).toBe('NOT_FOUND');
	});

	it('someone without the admin role cannot erase another person; nothing changes', async () => {
		const officer = await actorFor(database.db, 'programme_officer');
		const target = await makeUser(database.db, { name: 'Kept Person' });
		expect(await outcome(() => erasePerson(database.db, officer, target.id))).toBe('FORBIDDEN');
		expect(await outcome(() => erasePerson(database.db, ANONYMOUS, target.id))).toBe('FORBIDDEN');
		const [still] = await database.db.select().from(users).where(eq(users.id, target.id));
		expect(still).toMatchObject({ name: 'Kept Person', erasedAt: null });
	});

	it('the last admin cannot erase themself', async () => {
		const fresh = await freshDatabase();
		try {
			const admin = await actorFor(fresh.db, 'admin');
			expect(await outcome(() => erasePerson(fresh.db, admin, (admin as UserActor).userId))).toBe('CONFLICT');
			await actorFor(fresh.db, 'admin');
			expect(await outcome(() => erasePerson(fresh.db, admin, (admin as UserActor).userId))).toBe('OK');
		} finally {
			await fresh.close();
		}
	});
});

describe('deleting one\'s own account and exporting one\'s data', () => {
	it('the export holds the person\'s data from every capability, and is logged without the data', async () => {
		const p = await personEverywhere();
		const data = JSON.parse(JSON.stringify(await exportOwnData(database.db, await me(p.u.id))));
		expect(data.account).toMatchObject({ name: p.name, email: p.email });
		expect(data.account.sessions[0].userAgent).toBe('Laptop/1');
		expect(data.directory.memberships).toHaveLength(1);
		expect(data.directory.contacts[0].email).toBe(p.email);
		expect(data.events.registrations).toHaveLength(2);
		expect(data.grants.applications).toHaveLength(1);
		expect(data.grants.reviews[0].comment).toBe('Good plan');
		expect(data.engagement.requests).toHaveLength(1);
		expect(data.strategies.created).toHaveLength(1);
		expect(data.mails.length).toBeGreaterThanOrEqual(2);
		expect(JSON.stringify(data)).not.toContain('"password"');
		const [logged] = await database.db.select().from(activityEvents).where(eq(activityEvents.action, 'person.exported'));
		expect(logged).toMatchObject({ subjectId: p.u.id, changes: null });
		expect(await outcome(() => exportOwnData(database.db, ANONYMOUS))).toBe('FORBIDDEN');
	});

	it('a wrong password refuses the deletion with a message and changes nothing; the right one erases', async () => {
		const p = await personEverywhere();
		const err = await deleteOwnAccount(database.db, await me(p.u.id), { password: 'not my password' }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(err.fields.password[0]).toMatch(/password/i);
		expect(await outcome(() => deleteOwnAccount(database.db, { ...(p.admin as UserActor), userId: p.u.id }, {}))).toBe('INVALID_INPUT');
		expect(await whereFound(p.email)).not.toEqual([]);

		await deleteOwnAccount(database.db, await me(p.u.id), { password: PASSWORD });
		expect(await whereFound(p.email)).toEqual([]);
		expect(await whereFound(p.name)).toEqual([]);
	});
});
