import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { ELIGIBLE_MINI, makeMiniGrantCall, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { describeDraftConflict } from './draft-conflict.ts';
import { getApplication } from './get-application.ts';
import { saveAnswers } from './save-answers.ts';
import { dropSettledAnswerVersions } from './drop-settled-answer-versions.ts';
import { grantAnswerVersions, grantApplications } from './schema.ts';
import { startApplication } from './start-application.ts';

let database: Database;
let callId: string;
let ana: Actor;
let bruno: Actor;
let orgId: string;

beforeAll(async () => {
	database = await freshDatabase();
	callId = (await makeMiniGrantCall(database.db)).id;
	const org = await makeOrganisation(database.db, { name: 'Ciudad Abierta' });
	ana = await actorFor(database.db, 'member', [[org.id, 'owner']]);
	bruno = await actorFor(database.db, 'member', [[org.id, 'member']]);
	orgId = org.id;
});
afterAll(() => database.close());

async function draft() {
	const app = await startApplication(database.db, ana, { callId, organisationId: orgId, screener: ELIGIBLE_MINI });
	const first = await saveAnswers(database.db, ana, app.id, { answers: miniGrantAnswers(), baseVersion: 1 });
	if (first.status !== 'saved') throw new Error('the first save is written');
	return { id: app.id, version: first.application.answersVersion };
}
const row = async (id: string) => (await database.db.select().from(grantApplications).where(eq(grantApplications.id, id)))[0];

describe('two members of a partner edit one draft: one wins, the other is told', () => {
	it('each save raises the answers version and records who saved and when', async () => {
		const { id, version } = await draft();
		expect(version).toBe(2);
		const saved = await row(id);
		expect(saved.answersSavedBy).toBe(ana.kind === 'user' ? ana.userId : '');
		expect(saved.answersSavedAt).toBeInstanceOf(Date);
		expect((await getApplication(database.db, bruno, id)).answersSavedByName).toBeTruthy();
	});

	it('the second to save on the same version is told what the first saved; nothing of theirs is overwritten', async () => {
		const { id, version } = await draft();
		const first = await saveAnswers(database.db, ana, id, { answers: miniGrantAnswers({ goal: 'Ana’s goal' }), baseVersion: version });
		expect(first.status).toBe('saved');
		const second = await saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ goal: 'Bruno’s goal', manager_role: 'Coordinator' }), baseVersion: version });
		expect(second.status).toBe('conflict');
		if (second.status !== 'conflict') return;
		// Only the question both changed is in conflict; Bruno's other change stays in his form.
		expect(second.fields).toEqual(['goal']);
		expect(second.theirs).toMatchObject({ version: version + 1, answers: { goal: 'Ana’s goal' } });
		expect(second.yours).toMatchObject({ goal: 'Bruno’s goal', manager_role: 'Coordinator' });
		const after = await row(id);
		expect(after.answers.goal).toBe('Ana’s goal');
		expect(after.answersVersion).toBe(version + 1);
		// Shown in the reader's language, each differing question with both answers.
		const call = (await getApplication(database.db, bruno, id)).stage.form!;
		const shown = describeDraftConflict(call, second, 'es');
		expect(shown.changes.find((c) => c.id === 'goal')).toEqual({ id: 'goal', label: 'Objetivo de la campaña', theirs: 'Ana’s goal', yours: 'Bruno’s goal' });
		// Having seen both, saving on top of the newer version is a deliberate choice, and written.
		const again = await saveAnswers(database.db, bruno, id, { answers: second.yours, baseVersion: second.theirs.version });
		expect(again.status).toBe('saved');
		expect((await row(id)).answers).toMatchObject({ goal: 'Bruno’s goal', manager_role: 'Coordinator' });
	});

	it('members who changed different questions on the same version both keep their change, and the second is told whose were kept', async () => {
		const { id, version } = await draft();
		expect((await saveAnswers(database.db, ana, id, { answers: miniGrantAnswers({ goal: 'Ana’s goal' }), baseVersion: version })).status).toBe('saved');
		const second = await saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ manager_role: 'Coordinator' }), baseVersion: version });
		expect(second).toMatchObject({ status: 'saved', kept: ['goal'] });
		const after = await row(id);
		expect(after.answers).toMatchObject({ goal: 'Ana’s goal', manager_role: 'Coordinator' });
		expect(after.answersVersion).toBe(version + 2);
		// The page Bruno then posts (still on the old version) changes nothing more and says the same.
		const reload = await saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ manager_role: 'Coordinator' }), baseVersion: version });
		expect(reload).toMatchObject({ status: 'saved', kept: ['goal'] });
		expect((await row(id)).answersVersion).toBe(version + 2);
	});

	it('two saves at the same moment on the same version, each to a different question: both are kept', async () => {
		const { id, version } = await draft();
		const results = await Promise.all([
			saveAnswers(database.db, ana, id, { answers: miniGrantAnswers({ goal: 'Ana’s goal at the same moment' }), baseVersion: version }),
			saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ manager_role: 'Coordinator at the same moment' }), baseVersion: version })
		]);
		expect(results.map((r) => r.status)).toEqual(['saved', 'saved']);
		const after = await row(id);
		expect(after.answers).toMatchObject({ goal: 'Ana’s goal at the same moment', manager_role: 'Coordinator at the same moment' });
		expect(after.answersVersion).toBe(version + 2);
	});

	it('a base version past any kept one is refused as bad input, not looked up', async () => {
		const { id } = await draft();
		const err = await saveAnswers(database.db, ana, id, { answers: miniGrantAnswers(), baseVersion: 9007199254740991 }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
	});

	it('a page older than the last twenty saves is told of every question that differs, as before', async () => {
		const { id, version } = await draft();
		let v = version;
		for (let i = 0; i < 21; i++) {
			const r = await saveAnswers(database.db, ana, id, { answers: miniGrantAnswers({ goal: `Ana’s goal, take ${i}` }), baseVersion: v });
			if (r.status !== 'saved') throw new Error('each of Ana’s saves is written');
			v = r.application.answersVersion;
		}
		const kept = await database.db.select().from(grantAnswerVersions).where(eq(grantAnswerVersions.applicationId, id));
		expect(kept.length).toBe(20);
		const late = await saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ manager_role: 'Coordinator' }), baseVersion: version });
		expect(late.status).toBe('conflict');
		if (late.status === 'conflict') expect(late.fields.sort()).toEqual(['goal', 'manager_role']);
	});

	it('once submitted, the earlier versions of its answers are dropped by the daily retention run', async () => {
		const { id, version } = await draft();
		await saveAnswers(database.db, ana, id, { answers: miniGrantAnswers({ goal: 'Final words' }), baseVersion: version });
		const count = async () => (await database.db.select().from(grantAnswerVersions).where(eq(grantAnswerVersions.applicationId, id))).length;
		expect(await count()).toBe(2);
		await dropSettledAnswerVersions(database.db);
		expect(await count()).toBe(2);
		await database.db.update(grantApplications).set({ status: 'submitted' }).where(eq(grantApplications.id, id));
		expect(await dropSettledAnswerVersions(database.db)).toBeGreaterThanOrEqual(2);
		expect(await count()).toBe(0);
	});

	it('saving the answers already saved is not a conflict, whatever version it started from', async () => {
		const { id, version } = await draft();
		await saveAnswers(database.db, ana, id, { answers: miniGrantAnswers({ goal: 'Same words' }), baseVersion: version });
		const same = await saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ goal: 'Same words' }), baseVersion: version });
		expect(same.status).toBe('saved');
		expect((await row(id)).answersVersion).toBe(version + 1);
	});

	it('two saves at the same moment on the same version: exactly one is written, the other is told', async () => {
		const { id, version } = await draft();
		const results = await Promise.all([
			saveAnswers(database.db, ana, id, { answers: miniGrantAnswers({ goal: 'Written by Ana' }), baseVersion: version }),
			saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ goal: 'Written by Bruno' }), baseVersion: version })
		]);
		expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
		const winner = results.findIndex((r) => r.status === 'saved');
		const after = await row(id);
		expect(after.answers.goal).toBe(winner === 0 ? 'Written by Ana' : 'Written by Bruno');
		expect(after.answersVersion).toBe(version + 1);
	});
});
