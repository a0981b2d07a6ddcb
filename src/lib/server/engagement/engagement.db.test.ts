import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { Actor, UserActor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { DEFAULT_CRITERIA } from './default-criteria.ts';
import { assignAssessors } from './assign-assessors.ts';
import { createCriteriaVersion } from './create-criteria-version.ts';
import { currentBands } from './criteria-set.ts';
import { createRequest } from './create-request.ts';
import { decideRequest } from './decide-request.ts';
import { getConsolidation } from './get-consolidation.ts';
import { getMyAssessment } from './get-assessment.ts';
import { getRequest } from './get-request.ts';
import { listCriteriaSets } from './list-criteria-sets.ts';
import { listRequests } from './list-requests.ts';
import { saveAssessment } from './save-assessment.ts';
import { engagementRequests, engagementScores } from './schema.ts';
import { submitRequest } from './submit-request.ts';
import { updateRequest } from './update-request.ts';
import { partnerRequestsSection } from './partner-section.ts';
import { getOrganisation } from '../directory/get-organisation.ts';

let database: Database;
let officer: Actor, admin: Actor, assessorA: UserActor, assessorB: UserActor, outsider: Actor, requester: UserActor, external: Actor;
let orgId: string;
const origin = 'http://hub.test';

const scores = (level: number | 'unknown', over: Record<string, number | 'unknown'> = {}) =>
	Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, { level: over[c.key] ?? level, note: `why ${c.key}`, confidence: 'high' }]));

const requestBody = (organisationId: string) => ({
	organisationId,
	kinds: ['funding', 'consultants'],
	goal: 'Publish every health contract as open data by March 2027, owned by the procurement office',
	problem: 'Medicine purchases are overpriced.',
	country: 'CO'
});

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const user = await makeUser(db, { locale: 'es', name: 'Lucía' });
	const org = await makeOrganisation(db, { name: 'Transparencia Salud', country: 'CO', region: 'latin_america_caribbean', members: [{ userId: user.id, role: 'owner' }] });
	orgId = org.id;
	requester = (await loadActor(db, user.id, 'session')) as UserActor;
	officer = await actorFor(db, 'programme_officer');
	admin = await actorFor(db, 'admin');
	assessorA = (await actorFor(db, 'reviewer')) as UserActor;
	assessorB = (await actorFor(db, 'external_reviewer')) as UserActor;
	outsider = await actorFor(db, 'reviewer');
	external = await actorFor(db, 'external_reviewer');
});
afterAll(() => database.close());

describe('a request from draft to decision', () => {
	let id: string;
	it('a partner member keeps a draft, changes it and submits it', async () => {
		const db = database.db;
		const draft = await createRequest(db, requester, requestBody(orgId));
		id = draft.id;
		expect(draft.status).toBe('draft');
		await updateRequest(db, requester, id, { timeline: '18 months' });
		const sent = await submitRequest(db, requester, id);
		expect(sent.status).toBe('submitted');
		expect(await outcome(() => updateRequest(db, requester, id, { goal: 'changed after submitting' }))).toBe('INVALID_TRANSITION');
		expect(await outcome(() => submitRequest(db, requester, id))).toBe('INVALID_TRANSITION');
	});

	it('assessments cannot start before an officer assigns, and only officers assign', async () => {
		const db = database.db;
		expect(await outcome(() => assignAssessors(db, assessorA, id, { assessorIds: [assessorA.userId] }))).toBe('FORBIDDEN');
		expect(await outcome(() => assignAssessors(db, officer, id, { assessorIds: [requester.userId] }))).toBe('INVALID_INPUT');
		const r = await assignAssessors(db, officer, id, { assessorIds: [assessorA.userId, assessorB.userId] });
		expect(r).toEqual({ added: 2, status: 'in_assessment' });
	});

	it('an assessor does not see others’ scores before submitting their own', async () => {
		const db = database.db;
		await saveAssessment(db, assessorB, id, { scores: scores(3, { mandate: 1 }), submit: true });
		expect(await outcome(() => getConsolidation(db, assessorA, id))).toBe('FORBIDDEN');
		expect((await getRequest(db, assessorA, id)).can.seeAssessments).toBe(false);
		expect(await outcome(() => getConsolidation(db, assessorB, id))).toBe('OK');
	});

	it('a level outside the scale is refused and nothing is saved', async () => {
		const db = database.db;
		const err = await saveAssessment(db, assessorA, id, { scores: scores(3, { mandate: 7 }) }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields)).toContain('scores.mandate.level');
		const mine = await getMyAssessment(db, assessorA, id);
		expect(Object.keys(mine.assessment.scores)).toHaveLength(0);
	});

	it('submitting needs every criterion answered; a draft does not', async () => {
		const db = database.db;
		const partial = { clear_goal: { level: 4, note: 'draft', confidence: 'low' } };
		expect(await saveAssessment(db, assessorA, id, { scores: { ...partial, skills: { level: '', note: 'still checking' } } })).toMatchObject({ submitted: false });
		const draft = (await getMyAssessment(db, assessorA, id)).assessment.scores;
		expect(draft.clear_goal.level).toBe(4);
		expect(draft.skills).toMatchObject({ level: undefined, note: 'still checking' });
		const err = await saveAssessment(db, assessorA, id, { scores: partial, submit: true }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(err.fields['scores.mandate.level']).toBeTruthy();
	});

	it('someone not assigned cannot assess; an outsider from outside the staff cannot even see it', async () => {
		const db = database.db;
		expect(await outcome(() => saveAssessment(db, outsider, id, { scores: scores(2) }))).toBe('FORBIDDEN');
		expect(await outcome(() => saveAssessment(db, external, id, { scores: scores(2) }))).toBe('NOT_FOUND');
	});

	it('the consolidated view shows the disagreement, the gaps and a band', async () => {
		const db = database.db;
		await saveAssessment(db, assessorA, id, { scores: scores(3, { opposition: 1, resources: 'unknown' }), submit: true });
		expect(await outcome(() => saveAssessment(db, assessorA, id, { scores: scores(3), submit: true }))).toBe('CONFLICT');
		const c = await getConsolidation(db, officer, id);
		expect(c.assessments).toHaveLength(2);
		const mandate = c.result.criteria.find((x) => x.key === 'mandate')!;
		expect(mandate).toMatchObject({ spread: 2, disagreement: true, mean: 2 });
		expect(c.result.gaps).toEqual([{ key: 'resources', unknown: 1 }]);
		expect(c.result.band).not.toBeNull();
		expect(c.result.sensitivity.length).toBe(11);
		const [row] = await db.select().from(engagementRequests).where(eq(engagementRequests.id, id));
		expect(row.band).toBe(c.result.band);
		expect(row.score).toBeCloseTo(c.result.score!, 3);
	});

	it('the requester never sees assessors or their notes', async () => {
		const db = database.db;
		const view = await getRequest(db, requester, id);
		expect(view.assessors).toEqual([]);
		expect(view.can.seeAssessments).toBe(false);
		expect(JSON.stringify(view)).not.toContain('why mandate');
		expect(await outcome(() => getConsolidation(db, requester, id))).toBe('FORBIDDEN');
	});

	it('a decision needs a rationale; the requester is told in their language without details', async () => {
		const db = database.db;
		expect(await outcome(() => decideRequest(db, officer, id, { decision: 'invest', rationale: '  ' }, { origin }))).toBe('INVALID_INPUT');
		expect(await outcome(() => decideRequest(db, assessorA, id, { decision: 'invest', rationale: 'Strong case' }, { origin }))).toBe('FORBIDDEN');
		const decided = await decideRequest(db, officer, id, { decision: 'invest', rationale: 'Strong mandate and buy-in' }, { origin });
		expect(decided).toMatchObject({ status: 'decided', decision: 'invest' });
		const mails = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'engagement_decided'));
		expect(mails).toHaveLength(1);
		expect(mails[0].locale).toBe('es');
		expect(mails[0].subject).toContain('solicitud');
		expect(mails[0].textBody).toContain(`${origin}/requests/${id}`);
		expect(mails[0].textBody).not.toContain('Transparencia Salud');
		expect(mails[0].textBody).not.toContain('Strong mandate');
		expect(await outcome(() => decideRequest(db, officer, id, { decision: 'decline', rationale: 'again' }, { origin }))).toBe('INVALID_TRANSITION');
	});
});

describe('more information needed', () => {
	it('reopens the request to the requester, who can change and resubmit it', async () => {
		const db = database.db;
		const r = await createRequest(db, requester, requestBody(orgId));
		await submitRequest(db, requester, r.id);
		const back = await decideRequest(db, officer, r.id, { decision: 'more_info', rationale: 'Tell us who owns the goal' }, { origin });
		expect(back.status).toBe('more_info');
		const view = await getRequest(db, requester, r.id);
		expect(view.can.edit).toBe(true);
		expect(view.request.rationale).toBe('Tell us who owns the goal');
		await updateRequest(db, requester, r.id, { goal: 'The procurement office publishes every health contract by March 2027' });
		expect((await submitRequest(db, requester, r.id)).status).toBe('submitted');
	});
	it('a request cannot be decided before it is assessed', async () => {
		const db = database.db;
		const r = await createRequest(db, requester, requestBody(orgId));
		await submitRequest(db, requester, r.id);
		expect(await outcome(() => decideRequest(db, officer, r.id, { decision: 'invest', rationale: 'Too early' }, { origin }))).toBe('INVALID_TRANSITION');
	});
});

describe('a decision waits for an assessment', () => {
	it('is refused with a clear 409 while assessors are assigned but none has submitted; asking for more information is not', async () => {
		const db = database.db;
		const r = await createRequest(db, requester, requestBody(orgId));
		await submitRequest(db, requester, r.id);
		await assignAssessors(db, officer, r.id, { assessorIds: [assessorA.userId] });
		await saveAssessment(db, assessorA, r.id, { scores: scores(3) });
		for (const decision of ['invest', 'not_now', 'decline'] as const) {
			const e = await decideRequest(db, admin, r.id, { decision, rationale: 'Looks strong' }, { origin }).catch((x) => x);
			expect(e.code, decision).toBe('CONFLICT');
			expect(e.message).toMatch(/assessment/i);
		}
		const { m } = await import('#lib/paraglide/messages.js');
		const { getLocale, overwriteGetLocale } = await import('#lib/paraglide/runtime.js');
		const before = getLocale;
		overwriteGetLocale(() => 'fr');
		try {
			const e = await decideRequest(db, officer, r.id, { decision: 'invest', rationale: 'Trop tôt' }, { origin }).catch((x) => x);
			expect(e.message).toBe(m.eng_e_not_assessed({}, { locale: 'fr' }));
			expect(e.message).not.toBe(m.eng_e_not_assessed({}, { locale: 'en' }));
		} finally {
			overwriteGetLocale(before);
		}
		const [unchanged] = await db.select().from(engagementRequests).where(eq(engagementRequests.id, r.id));
		expect(unchanged).toMatchObject({ status: 'in_assessment', decision: null, decidedAt: null });
		expect((await getRequest(db, officer, r.id)).can.decide).toBe(false);
		await saveAssessment(db, assessorA, r.id, { scores: scores(3), submit: true });
		expect((await getRequest(db, officer, r.id)).can.decide).toBe(true);
		expect(await decideRequest(db, officer, r.id, { decision: 'not_now', rationale: 'Timing' }, { origin })).toMatchObject({ status: 'decided' });
	});

	it('a question back to the requester needs no assessment', async () => {
		const db = database.db;
		const r = await createRequest(db, requester, requestBody(orgId));
		await submitRequest(db, requester, r.id);
		await assignAssessors(db, officer, r.id, { assessorIds: [assessorA.userId] });
		expect(await decideRequest(db, officer, r.id, { decision: 'more_info', rationale: 'Who owns the goal?' }, { origin })).toMatchObject({ status: 'more_info' });
	});
});

describe('criteria versions', () => {
	it('an admin edit makes a new version and earlier assessments keep theirs', async () => {
		const db = database.db;
		const [v1] = await listCriteriaSets(db, admin);
		const r = await createRequest(db, requester, requestBody(orgId));
		await submitRequest(db, requester, r.id);
		await assignAssessors(db, officer, r.id, { assessorIds: [assessorA.userId] });
		const edited = v1.criteria.map((c) => (c.key === 'resources' ? { ...c, weight: 3 } : c));
		expect(await outcome(() => createCriteriaVersion(db, officer, { criteria: edited, bands: v1.bands, gate: v1.gate }))).toBe('FORBIDDEN');
		const v2 = await createCriteriaVersion(db, admin, { criteria: edited, bands: v1.bands, gate: v1.gate, note: 'resources weigh more' });
		expect(v2.version).toBe(v1.version + 1);
		expect((await getMyAssessment(db, assessorA, r.id)).set.id).toBe(v1.id);
		const later = await createRequest(db, requester, requestBody(orgId));
		await submitRequest(db, requester, later.id);
		await assignAssessors(db, officer, later.id, { assessorIds: [assessorA.userId] });
		expect((await getMyAssessment(db, assessorA, later.id)).set.id).toBe(v2.id);
	});
	it('weights that are negative or all zero are refused, and nothing is saved', async () => {
		const db = database.db;
		const [current] = await listCriteriaSets(db, admin);
		const zero = current.criteria.map((c) => ({ ...c, weight: 0 }));
		const negative = current.criteria.map((c, i) => ({ ...c, weight: i === 0 ? -1 : c.weight }));
		const e1 = await createCriteriaVersion(db, admin, { criteria: zero, bands: current.bands }).catch((e) => e);
		expect(e1.code).toBe('INVALID_INPUT');
		expect(e1.fields.criteria).toBeTruthy();
		expect(await outcome(() => createCriteriaVersion(db, admin, { criteria: negative, bands: current.bands }))).toBe('INVALID_INPUT');
		expect(await outcome(() => createCriteriaVersion(db, admin, { criteria: current.criteria, bands: [{ ...current.bands[0], min: 10 }] }))).toBe('INVALID_INPUT');
		expect((await listCriteriaSets(db, admin))[0].version).toBe(current.version);
	});
});

describe('portfolio', () => {
	it('filters by status, kind, country and band, and masks sensitive partners for people not entitled', async () => {
		const db = database.db;
		const quiet = await makeOrganisation(db, { name: 'Quiet Watchdog', sensitive: true, country: 'BY', region: 'europe_central_asia' });
		const r = await createRequest(db, officer, { ...requestBody(quiet.id), country: 'BY', kinds: ['in_person'] });
		await submitRequest(db, officer, r.id);
		await assignAssessors(db, officer, r.id, { assessorIds: [(external as UserActor).userId] });
		const staff = await listRequests(db, officer, { kind: 'in_person' });
		expect(staff.items.map((i) => i.organisationName)).toEqual(['Quiet Watchdog']);
		const ext = await listRequests(db, external, {});
		expect(ext.items).toHaveLength(1);
		expect(ext.items[0].organisationName).toMatch(/^.*SH-/);
		expect((await listRequests(db, officer, { country: 'BY', region: 'europe_central_asia' })).total).toBe(1);
		expect((await listRequests(db, officer, { status: 'decided' })).items.every((i) => i.status === 'decided')).toBe(true);
		expect((await listRequests(db, officer, { band: 'invest' })).items.every((i) => i.band === 'invest')).toBe(true);
		expect((await listRequests(db, requester, {})).items.every((i) => i.organisationId === orgId)).toBe(true);
		expect(await outcome(() => listRequests(db, officer, { status: 'bogus' }))).toBe('INVALID_INPUT');
	});
	it('the portfolio page gets the current criteria bands with its count; other lists do not ask for them', async () => {
		const db = database.db;
		const current = await currentBands(db, officer);
		expect(current.length).toBeGreaterThan(0);
		expect((await listRequests(db, officer, { status: 'decided' }, { bands: true })).bands).toEqual(current);
		expect((await listRequests(db, officer, { region: 'africa' }, { bands: true })).bands).toEqual(current);
		expect((await listRequests(db, officer, {})).bands).toEqual([]);
	});
	it('scores outside the scale are refused by the database too', async () => {
		const db = database.db;
		const err = await db.insert(engagementScores).values({ assessmentId: '00000000-0000-4000-8000-000000000000', criterion: 'x', level: 5 }).catch((e) => e);
		expect(err).toBeInstanceOf(Error);
	});
});

describe('partner page section', () => {
	it('shows the partner’s requests and outcomes to its members and staff, and nothing to other partners', async () => {
		const db = database.db;
		const view = await getOrganisation(db, requester, orgId);
		const mine = await partnerRequestsSection(db, requester, view);
		expect(mine?.items.length).toBeGreaterThan(0);
		expect(mine?.items.some((i) => i.decision === 'invest')).toBe(true);
		expect(mine?.canRequest).toBe(true);
		expect((await partnerRequestsSection(db, officer, view))?.items.length).toBe(mine?.items.length);
		const stranger = await actorFor(db, 'member');
		expect(await partnerRequestsSection(db, stranger, await getOrganisation(db, stranger, orgId))).toBeNull();
	});
});
