import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor, type UserActor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeAssessments, makeRequest } from '../seed/engagement-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { addToNeedToKnow } from '../directory/add-to-need-to-know.ts';
import { loadActor } from '../identity/load-actor.ts';
import { eq } from 'drizzle-orm';
import { assignAssessors } from './assign-assessors.ts';
import { decideRequest } from './decide-request.ts';
import { DEFAULT_CRITERIA } from './default-criteria.ts';
import { getConsolidation } from './get-consolidation.ts';
import { getRequest } from './get-request.ts';
import { listRequests } from './list-requests.ts';
import { saveAssessment } from './save-assessment.ts';
import { saveSafetyPlan } from './save-safety-plan.ts';
import { engagementRequests } from './schema.ts';
import { submitRequest } from './submit-request.ts';
import { updateRequest } from './update-request.ts';

// Role × verb on an ordinary and a sensitive partner's requests: every cell is written out.
// `result` is whether the consolidated score, band and gate reach the actor (request and portfolio
// row); `plan` writes the safety plan the physical-security gate asks for; `name` is what names the
// partner in the request and its portfolio row: the NAME, or only its REFERENCE (on an ordinary
// partner, whoever reads the request gets the name). `decideUnassessed` records a decision on a request
// whose assessors have not submitted yet: refused to everyone, officers included (409).
const VERBS = ['read', 'edit', 'submit', 'assign', 'assess', 'consolidated', 'decide', 'result', 'plan', 'name', 'decideUnassessed'] as const;
type Verb = (typeof VERBS)[number];
const row = (s: string) => Object.fromEntries(s.trim().split(/\s+/).map((v, i) => [VERBS[i], v])) as Record<Verb, string>;

const HIDDEN = row('NOT_FOUND NOT_FOUND NOT_FOUND FORBIDDEN NOT_FOUND NOT_FOUND FORBIDDEN NOT_FOUND FORBIDDEN NOT_FOUND FORBIDDEN');
const OFFICER = row('OK OK OK OK FORBIDDEN OK OK SHOWN OK NAME CONFLICT');
const READING_STAFF = row('OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN SHOWN FORBIDDEN REFERENCE FORBIDDEN');
const READING_STAFF_ON_LIST = row('OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN SHOWN FORBIDDEN NAME FORBIDDEN');

// The same on both partners but for `name` (the value on the sensitive one): sensitivity changes
// what a name shows, not who may act. Reviewers and finance see a sensitive partner's name only
// when its need-to-know list names them.
const EXPECTED: Record<string, Record<Verb, string>> = {
	visitor: HIDDEN,
	requester: row('OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN HIDDEN FORBIDDEN NAME FORBIDDEN'),
	otherPartner: HIDDEN,
	// Assigned and not yet submitted: blind to the others' work and the combined result.
	assignedAssessor: row('OK FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN FORBIDDEN HIDDEN FORBIDDEN REFERENCE FORBIDDEN'),
	assignedAssessorOnList: row('OK FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN FORBIDDEN HIDDEN FORBIDDEN NAME FORBIDDEN'),
	assignedExternalPending: row('OK NOT_FOUND NOT_FOUND FORBIDDEN OK FORBIDDEN FORBIDDEN HIDDEN FORBIDDEN REFERENCE FORBIDDEN'),
	// Drafts they are not assigned to are hidden from an outside reviewer.
	assignedExternalDone: row('OK NOT_FOUND NOT_FOUND FORBIDDEN CONFLICT OK FORBIDDEN SHOWN FORBIDDEN REFERENCE FORBIDDEN'),
	unassignedReviewer: READING_STAFF,
	reviewerOnList: READING_STAFF_ON_LIST,
	externalReviewer: HIDDEN,
	finance: READING_STAFF,
	financeOnList: READING_STAFF_ON_LIST,
	programmeOfficer: OFFICER,
	admin: OFFICER
};

let database: Database;
const actors: Record<string, Actor> = {};
const orgs: Record<'open' | 'sensitive', { id: string; name: string; reference: string }> = {} as never;
const live: Record<'open' | 'sensitive', string> = {} as never;
const levels = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, 3]));
const uid = (k: string) => (actors[k] as UserActor).userId;

async function inAssessment(orgId: string) {
	const r = await makeRequest(database.db, { organisationId: orgId, status: 'in_assessment', submittedAt: new Date() });
	const set = await makeAssessments(database.db, r.id, [
		{ assessorId: uid('assignedAssessor'), levels: {}, submitted: false },
		{ assessorId: uid('assignedAssessorOnList'), levels: {}, submitted: false },
		{ assessorId: uid('assignedExternalPending'), levels: {}, submitted: false },
		{ assessorId: uid('assignedExternalDone'), levels }
	]);
	await database.db.update(engagementRequests).set({ criteriaSetId: set.id, score: 55, band: 'consider', gate: 'clear' }).where(eq(engagementRequests.id, r.id));
	return r.id;
}

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const open = await makeOrganisation(db, { name: 'Open Partner' });
	const sensitive = await makeOrganisation(db, { name: 'Quiet Partner', sensitive: true });
	const other = await makeOrganisation(db, { name: 'Other Partner' });
	Object.assign(orgs, { open, sensitive });
	actors.visitor = ANONYMOUS;
	actors.requester = await actorFor(db, 'member', [[open.id, 'member'], [sensitive.id, 'member']]);
	actors.otherPartner = await actorFor(db, 'member', [[other.id, 'owner']]);
	actors.assignedAssessor = await actorFor(db, 'reviewer');
	actors.assignedExternalPending = await actorFor(db, 'external_reviewer');
	actors.assignedExternalDone = await actorFor(db, 'external_reviewer');
	actors.unassignedReviewer = await actorFor(db, 'reviewer');
	actors.externalReviewer = await actorFor(db, 'external_reviewer');
	actors.finance = await actorFor(db, 'finance');
	actors.programmeOfficer = await actorFor(db, 'programme_officer');
	actors.admin = await actorFor(db, 'admin');
	// Staff named on the sensitive partner's need-to-know list (their actor is read after).
	for (const [key, role] of [['assignedAssessorOnList', 'reviewer'], ['reviewerOnList', 'reviewer'], ['financeOnList', 'finance']] as const) {
		const a = (await actorFor(db, role)) as UserActor;
		await addToNeedToKnow(db, actors.programmeOfficer, sensitive.id, { userId: a.userId });
		actors[key] = await loadActor(db, a.userId, 'session');
	}
	live.open = await inAssessment(open.id);
	live.sensitive = await inAssessment(sensitive.id);
});
afterAll(() => database.close());

async function attempt(verb: Verb, actor: Actor, orgId: string, liveId: string) {
	const db = database.db;
	switch (verb) {
		case 'read': return outcome(() => getRequest(db, actor, liveId));
		case 'edit': {
			const r = await makeRequest(db, { organisationId: orgId });
			return outcome(() => updateRequest(db, actor, r.id, { timeline: 'a year' }));
		}
		case 'submit': {
			const r = await makeRequest(db, { organisationId: orgId });
			return outcome(() => submitRequest(db, actor, r.id));
		}
		case 'assign': {
			const r = await makeRequest(db, { organisationId: orgId, status: 'submitted' });
			return outcome(() => assignAssessors(db, actor, r.id, { assessorIds: [uid('unassignedReviewer')] }));
		}
		case 'assess': return outcome(() => saveAssessment(db, actor, liveId, { scores: { mandate: { level: 2 } } }));
		case 'consolidated': return outcome(() => getConsolidation(db, actor, liveId));
		case 'decide': {
			const id = await inAssessment(orgId);
			return outcome(() => decideRequest(db, actor, id, { decision: 'not_now', rationale: 'Timing' }, { origin: 'http://hub.test' }));
		}
		case 'decideUnassessed': {
			const r = await makeRequest(db, { organisationId: orgId, status: 'in_assessment', submittedAt: new Date() });
			await makeAssessments(db, r.id, [{ assessorId: uid('assignedAssessor'), levels, submitted: false }]);
			return outcome(() => decideRequest(db, actor, r.id, { decision: 'invest', rationale: 'Before anyone assessed' }, { origin: 'http://hub.test' }));
		}
		case 'result': {
			let shown = false;
			const read = await outcome(async () => {
				const view = await getRequest(db, actor, liveId);
				const listed = (await listRequests(db, actor, { pageSize: 200 })).items.find((i) => i.id === liveId);
				shown = [view.request.score, view.request.band, view.request.gate, listed?.score, listed?.band, listed?.gate].some((v) => v !== null && v !== undefined);
			});
			return read === 'OK' ? (shown ? 'SHOWN' : 'HIDDEN') : read;
		}
		case 'name': {
			const org = Object.values(orgs).find((o) => o.id === orgId)!;
			let named = '';
			const read = await outcome(async () => {
				const view = await getRequest(db, actor, liveId);
				const listed = (await listRequests(db, actor, { pageSize: 200 })).items.find((i) => i.id === liveId);
				const texts = [view.organisation.name, listed?.organisationName ?? view.organisation.name];
				// The country goes with the name: shown with it, withheld with it.
				const countries = [view.request.country, view.organisation.country, listed ? listed.country : view.request.country];
				if (texts.every((t) => t === org.name) && countries.every((c) => c !== null)) named = 'NAME';
				else if (texts.every((t) => t.includes(org.reference) && !t.includes(org.name)) && countries.every((c) => c === null)) named = 'REFERENCE';
				else named = `MIXED ${texts.join(' / ')} ${countries.join(' / ')}`;
			});
			return read === 'OK' ? named : read;
		}
		case 'plan':
			return outcome(() =>
				saveSafetyPlan(db, actor, liveId, { risks: 'r', mitigations: 'm', responsible: 'lead', safeContact: 'Signal', reviewOn: '2027-01-31' })
			);
	}
}

describe('engagement authorization matrix', () => {
	for (const [who, expected] of Object.entries(EXPECTED))
		for (const kind of ['open', 'sensitive'] as const)
			it(`${who} on a ${kind} partner's request`, async () => {
				const got: Record<string, string> = {};
				for (const verb of VERBS) got[verb] = await attempt(verb, actors[who], orgs[kind].id, live[kind]);
				expect(got).toEqual(kind === 'open' && expected.read === 'OK' ? { ...expected, name: 'NAME' } : expected);
			});

	it('a sensitive partner is named by its reference to an assigned outside reviewer and staff not on its list, and by name to the listed and its members', async () => {
		const db = database.db;
		const ext = await getRequest(db, actors.assignedExternalDone, live.sensitive);
		expect(ext.organisation.name).toContain(orgs.sensitive.reference);
		expect(ext.organisation.name).not.toContain('Quiet Partner');
		expect((await getRequest(db, actors.assignedExternalDone, live.open)).organisation.name).toBe('Open Partner');
		expect((await getRequest(db, actors.unassignedReviewer, live.sensitive)).organisation.name).toContain(orgs.sensitive.reference);
		expect((await getRequest(db, actors.reviewerOnList, live.sensitive)).organisation.name).toBe('Quiet Partner');
		expect((await getRequest(db, actors.requester, live.sensitive)).organisation.name).toBe('Quiet Partner');
		const list = await listRequests(db, actors.assignedExternalDone, {});
		const names = new Set(list.items.map((i) => i.organisationName));
		expect(names.has('Open Partner')).toBe(true);
		expect(names.has('Quiet Partner')).toBe(false);
		expect([...names].some((n) => n.includes(orgs.sensitive.reference))).toBe(true);
	});

	it('the portfolio lists only what each actor may see', async () => {
		const db = database.db;
		expect((await listRequests(db, actors.otherPartner, {})).total).toBe(0);
		expect((await listRequests(db, actors.externalReviewer, {})).total).toBe(0);
		expect((await listRequests(db, actors.visitor, {})).total).toBe(0);
		const all = (await listRequests(db, actors.finance, { pageSize: 200 })).total;
		expect(all).toBeGreaterThan(2);
	});
});
