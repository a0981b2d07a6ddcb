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
import { grantApplications } from './schema.ts';
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
		expect(second.fields.sort()).toEqual(['goal', 'manager_role']);
		expect(second.theirs).toMatchObject({ version: version + 1, answers: { goal: 'Ana’s goal' } });
		expect(second.yours.goal).toBe('Bruno’s goal');
		const after = await row(id);
		expect(after.answers.goal).toBe('Ana’s goal');
		expect(after.answersVersion).toBe(version + 1);
		// Shown in the reader's language, each differing question with both answers.
		const call = (await getApplication(database.db, bruno, id)).stage.form!;
		const shown = describeDraftConflict(call, second, 'es');
		expect(shown.changes.find((c) => c.id === 'goal')).toEqual({ id: 'goal', label: 'Objetivo de la campaña', theirs: 'Ana’s goal', yours: 'Bruno’s goal' });
		// Having seen both, saving on top of the newer version is a deliberate choice, and written.
		const again = await saveAnswers(database.db, bruno, id, { answers: miniGrantAnswers({ goal: 'Bruno’s goal' }), baseVersion: second.theirs.version });
		expect(again.status).toBe('saved');
		expect((await row(id)).answers.goal).toBe('Bruno’s goal');
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
