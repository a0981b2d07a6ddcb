import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeStrategy } from '../seed/toolkit-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { addToNeedToKnow } from '../directory/add-to-need-to-know.ts';
import { loadActor } from '../identity/load-actor.ts';
import { addStakeholder } from './add-stakeholder.ts';
import { createStrategy } from './create-strategy.ts';
import { createResource } from './save-resource.ts';
import { createFaq } from './save-faq.ts';
import { getStrategy } from './get-strategy.ts';
import { listStrategies } from './list-strategies.ts';
import { listStrategyHistory } from './list-strategy-history.ts';
import { saveStep } from './save-step.ts';
import { setCollaborator } from './set-collaborator.ts';

// Role × verb × ordinary/sensitive partner, every cell written out.
const VERBS = ['read', 'list', 'history', 'saveStep', 'addStakeholder', 'setRole', 'create', 'manageLibrary'] as const;
type Verb = (typeof VERBS)[number];
const row = (s: string) => Object.fromEntries(s.trim().split(/\s+/).map((v, i) => [VERBS[i], v])) as Record<Verb, string>;

const STAFF = row('OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN OK');
const STAFF_NOT_ON_LIST = row('NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND OK');
const EDITOR = row('OK OK OK OK OK OK OK FORBIDDEN');
const VIEWER = row('OK OK OK FORBIDDEN FORBIDDEN FORBIDDEN OK FORBIDDEN');
const OUTSIDE = row('NOT_FOUND FORBIDDEN NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND FORBIDDEN FORBIDDEN');
const OUTSIDE_SENSITIVE = row('NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND FORBIDDEN');
const VISITOR = row('NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND UNAUTHENTICATED FORBIDDEN');

const EXPECTED: Record<string, { open: Record<Verb, string>; sensitive: Record<Verb, string> }> = {
	visitor: { open: VISITOR, sensitive: VISITOR },
	admin: { open: STAFF, sensitive: STAFF },
	programmeOfficer: { open: STAFF, sensitive: STAFF },
	// Staff who are not admins or officers see a sensitive partner's strategies only from its need-to-know list.
	reviewer: { open: STAFF, sensitive: STAFF_NOT_ON_LIST },
	finance: { open: STAFF, sensitive: STAFF_NOT_ON_LIST },
	reviewerOnList: { open: STAFF, sensitive: STAFF },
	financeOnList: { open: STAFF, sensitive: STAFF },
	externalReviewer: { open: row('NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND NOT_FOUND FORBIDDEN'), sensitive: OUTSIDE_SENSITIVE },
	owner: { open: EDITOR, sensitive: EDITOR },
	editor: { open: EDITOR, sensitive: EDITOR },
	viewer: { open: VIEWER, sensitive: VIEWER },
	otherPartnerMember: { open: OUTSIDE, sensitive: OUTSIDE_SENSITIVE }
};

let database: Database;
const orgs: Record<'open' | 'sensitive', { id: string; strategyId: string; memberId: string }> = {} as never;
const actors: Record<string, Record<'open' | 'sensitive', Actor>> = {};

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const other = await makeOrganisation(db, { name: 'Other Partner' });
	const both = async (make: (kind: 'open' | 'sensitive') => Promise<Actor>) => ({ open: await make('open'), sensitive: await make('sensitive') });
	for (const kind of ['open', 'sensitive'] as const) {
		const org = await makeOrganisation(db, { name: `${kind} partner`, sensitive: kind === 'sensitive' });
		orgs[kind] = { id: org.id, strategyId: '', memberId: '' };
	}
	actors.visitor = { open: ANONYMOUS, sensitive: ANONYMOUS };
	for (const [name, role] of [['admin', 'admin'], ['programmeOfficer', 'programme_officer'], ['reviewer', 'reviewer'], ['finance', 'finance'], ['externalReviewer', 'external_reviewer']] as const) {
		const a = await actorFor(db, role);
		actors[name] = { open: a, sensitive: a };
	}
	const officer = actors.programmeOfficer.open;
	for (const [name, role] of [['reviewerOnList', 'reviewer'], ['financeOnList', 'finance']] as const) {
		const a = (await actorFor(db, role)) as { userId: string };
		for (const kind of ['open', 'sensitive'] as const) await addToNeedToKnow(db, officer, orgs[kind].id, { userId: a.userId });
		const loaded = await loadActor(db, a.userId, 'session');
		actors[name] = { open: loaded, sensitive: loaded };
	}
	actors.owner = await both((k) => actorFor(db, 'member', [[orgs[k].id, 'owner']]));
	actors.editor = await both((k) => actorFor(db, 'member', [[orgs[k].id, 'member']]));
	actors.viewer = await both((k) => actorFor(db, 'member', [[orgs[k].id, 'member']]));
	actors.otherPartnerMember = await both(() => actorFor(db, 'member', [[other.id, 'owner']]));
	for (const kind of ['open', 'sensitive'] as const) {
		const ed = actors.editor[kind];
		const s = await makeStrategy(db, { organisationId: orgs[kind].id, editors: [ed.kind === 'user' ? ed.userId : ''] });
		orgs[kind].strategyId = s.id;
		const v = actors.viewer[kind];
		orgs[kind].memberId = v.kind === 'user' ? v.userId : '';
	}
});
afterAll(() => database?.close());

const run: Record<Verb, (a: Actor, o: { id: string; strategyId: string; memberId: string }) => Promise<unknown>> = {
	read: (a, o) => getStrategy(database.db, a, o.strategyId),
	list: (a, o) => listStrategies(database.db, a, o.id),
	history: (a, o) => listStrategyHistory(database.db, a, o.strategyId),
	// A fresh base each time: only the permission decides, never a conflict.
	saveStep: async (a, o) => {
		const r = await saveStep(database.db, a, o.strategyId, 1, { baseVersion: 0, problem: 'p' });
		return r;
	},
	addStakeholder: (a, o) => addStakeholder(database.db, a, o.strategyId, { name: 'Mayor', type: 'government', position: 0, power: 4 }),
	setRole: (a, o) => setCollaborator(database.db, a, o.strategyId, { userId: o.memberId, role: 'viewer' }),
	create: (a, o) => createStrategy(database.db, a, o.id, { title: 'New' }),
	manageLibrary: async (a) => {
		await createResource(database.db, a, { type: 'brief', versions: { en: { title: 'Brief' } } });
		await createFaq(database.db, a, { topic: 'cost', questionEn: 'q', questionEs: 'q', questionFr: 'q', answerEn: 'a', answerEs: 'a', answerFr: 'a' });
	}
};

describe('toolkit authorization matrix', () => {
	for (const [who, expected] of Object.entries(EXPECTED))
		for (const kind of ['open', 'sensitive'] as const)
			it(`${who} on a strategy of a ${kind} partner`, async () => {
				const got: Record<string, string> = {};
				for (const verb of VERBS) got[verb] = await outcome(() => run[verb](actors[who][kind], orgs[kind]));
				expect(got).toEqual(expected[kind]);
			});
});
