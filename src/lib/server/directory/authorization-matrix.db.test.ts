import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActivity } from '../activity/list-activity.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { addPerson } from './add-person.ts';
import { createAgreement } from './create-agreement.ts';
import { getOrganisation } from './get-organisation.ts';
import { inviteMember } from './invite-member.ts';
import { listAgreements } from './list-agreements.ts';
import { listOrganisations } from './list-organisations.ts';
import { listPeople } from './list-people.ts';
import { addToNeedToKnow } from './add-to-need-to-know.ts';
import { listNeedToKnow } from './list-need-to-know.ts';
import { removeFromNeedToKnow } from './remove-from-need-to-know.ts';
import { loadActor } from '../identity/load-actor.ts';
import { setSensitivity } from './set-sensitivity.ts';
import { updateOrganisation } from './update-organisation.ts';

// Role × resource × verb: every cell is written out, so a change to any rule shows up here.
const VERBS = ['read', 'people', 'agreements', 'update', 'addPerson', 'invite', 'recordAgreement', 'sensitivity', 'activity', 'needToKnow', 'keepNeedToKnow'] as const;
type Verb = (typeof VERBS)[number];
const row = (s: string) => Object.fromEntries(s.trim().split(/\s+/).map((v, i) => [VERBS[i], v])) as Record<Verb, string>;

const STAFF_ALL = row('OK OK OK OK OK OK OK OK OK OK OK');
const READ_ONLY_STAFF = row('OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN FORBIDDEN');
// Staff not on a sensitive partner's need-to-know list: it does not exist for them in the directory.
const NOT_ON_LIST = row('NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND FORBIDDEN FORBIDDEN OK FORBIDDEN FORBIDDEN');
const HIDDEN = row('NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN');

const EXPECTED: Record<string, { open: Record<Verb, string>; sensitive: Record<Verb, string> }> = {
	visitor: { open: HIDDEN, sensitive: HIDDEN },
	admin: { open: STAFF_ALL, sensitive: STAFF_ALL },
	programmeOfficer: { open: STAFF_ALL, sensitive: STAFF_ALL },
	reviewer: { open: READ_ONLY_STAFF, sensitive: NOT_ON_LIST },
	finance: { open: READ_ONLY_STAFF, sensitive: NOT_ON_LIST },
	reviewerOnList: { open: READ_ONLY_STAFF, sensitive: READ_ONLY_STAFF },
	financeOnList: { open: READ_ONLY_STAFF, sensitive: READ_ONLY_STAFF },
	externalReviewer: { open: HIDDEN, sensitive: HIDDEN },
	owner: {
		open: row('OK OK OK OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN'),
		sensitive: row('OK OK OK OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN')
	},
	member: {
		open: row('OK OK OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN'),
		sensitive: row('OK OK OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN')
	},
	otherPartnerMember: {
		open: row('OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN'),
		sensitive: HIDDEN
	}
};

let database: Database;
let orgs: { open: { id: string }; sensitive: { id: string } };
const actors: Record<string, Actor> = {};

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const open = await makeOrganisation(db, { name: 'Open Partner' });
	const sensitive = await makeOrganisation(db, { name: 'Quiet Partner', sensitive: true });
	const other = await makeOrganisation(db, { name: 'Other Partner' });
	orgs = { open, sensitive };
	actors.visitor = ANONYMOUS;
	actors.admin = await actorFor(db, 'admin');
	actors.programmeOfficer = await actorFor(db, 'programme_officer');
	actors.reviewer = await actorFor(db, 'reviewer');
	actors.finance = await actorFor(db, 'finance');
	// Staff named on both partners' lists (the list makes no difference to an ordinary partner).
	const officer = await actorFor(db, 'programme_officer');
	for (const [key, role] of [['reviewerOnList', 'reviewer'], ['financeOnList', 'finance']] as const) {
		const a = await actorFor(db, role);
		const userId = (a as { userId: string }).userId;
		for (const org of [open, sensitive]) await addToNeedToKnow(db, officer, org.id, { userId });
		actors[key] = await loadActor(db, userId, 'session');
	}
	actors.externalReviewer = await actorFor(db, 'external_reviewer');
	actors.owner = await actorFor(db, 'member', [[open.id, 'owner'], [sensitive.id, 'owner']]);
	actors.member = await actorFor(db, 'member', [[open.id, 'member'], [sensitive.id, 'member']]);
	actors.otherPartnerMember = await actorFor(db, 'member', [[other.id, 'owner']]);
});
afterAll(() => database.close());

function attempt(verb: Verb, actor: Actor, orgId: string, sensitive: boolean) {
	const db = database.db;
	switch (verb) {
		case 'read': return outcome(() => getOrganisation(db, actor, orgId));
		case 'people': return outcome(() => listPeople(db, actor, orgId));
		case 'agreements': return outcome(() => listAgreements(db, actor, orgId));
		case 'update': return outcome(() => updateOrganisation(db, actor, orgId, { description: `edited at ${Date.now()}` }));
		case 'addPerson': return outcome(() => addPerson(db, actor, orgId, { name: 'Contact' }));
		case 'invite': return outcome(() => inviteMember(db, actor, orgId, { email: `x${Date.now()}@example.org` }, { origin: 'http://localhost', locale: 'en' }));
		case 'recordAgreement': return outcome(() => createAgreement(db, actor, orgId, { title: 'MoU', scopes: ['learning'], startDate: '2026-01-01' }));
		case 'sensitivity': return outcome(() => setSensitivity(db, actor, orgId, { sensitive }));
		case 'activity': return outcome(() => listActivity(db, actor, { organisationId: orgId }));
		case 'needToKnow': return outcome(() => listNeedToKnow(db, actor, orgId));
		case 'keepNeedToKnow': return outcome(async () => {
			const userId = (actors.reviewer as { userId: string }).userId;
			await addToNeedToKnow(db, actor, orgId, { userId });
			await removeFromNeedToKnow(db, actor, orgId, userId);
		});
	}
}

describe('authorization matrix: who may do what to which partner', () => {
	for (const [who, expected] of Object.entries(EXPECTED)) {
		for (const resource of ['open', 'sensitive'] as const) {
			it(`${who} on an ${resource} partner`, async () => {
				const got: Record<string, string> = {};
				for (const verb of VERBS) got[verb] = await attempt(verb, actors[who], orgs[resource].id, resource === 'sensitive');
				expect(got).toEqual(expected[resource]);
			});
		}
	}

	it('the directory lists a sensitive partner only to admins, officers, staff on its list and its own members', async () => {
		const names = async (a: Actor) =>
			(await listOrganisations(database.db, a, { q: 'quiet' })).items.map((o) => o.name);
		expect(await names(actors.programmeOfficer)).toEqual(['Quiet Partner']);
		expect(await names(actors.reviewerOnList)).toEqual(['Quiet Partner']);
		expect(await names(actors.financeOnList)).toEqual(['Quiet Partner']);
		expect(await names(actors.reviewer)).toEqual([]);
		expect(await names(actors.finance)).toEqual([]);
		expect(await names(actors.member)).toEqual(['Quiet Partner']);
		expect(await names(actors.otherPartnerMember)).toEqual([]);
		expect(await names(actors.externalReviewer)).toEqual([]);
		expect(await names(ANONYMOUS)).toEqual([]);
	});
});
