import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileStore } from '../uploads/db-store.ts';
import { readAll } from '../uploads/file-store.ts';
import { storedFiles } from '../uploads/schema.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeFaq, makeResource } from '../seed/toolkit-factories.ts';
import { makeMiniGrantCall } from '../seed/grants-factories.ts';
import { grantApplications } from '../grants/schema.ts';
import { eq } from 'drizzle-orm';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { addActivity } from './add-activity.ts';
import { addMonitoringEntry } from './add-monitoring-entry.ts';
import { addStakeholder } from './add-stakeholder.ts';
import { addTactic } from './add-tactic.ts';
import { createStrategy } from './create-strategy.ts';
import { getPowerMap } from './get-power-map.ts';
import { getStrategy } from './get-strategy.ts';
import { getStrategyOverview } from './get-strategy-overview.ts';
import { getStrategyStep } from './get-strategy-step.ts';
import { getStrategyTimeline } from './get-strategy-timeline.ts';
import { handOffStrategy } from './hand-off-strategy.ts';
import { listFaqs } from './list-faqs.ts';
import { listResources } from './list-resources.ts';
import { listStrategyHistory } from './list-strategy-history.ts';
import { removePlanItem } from './remove-plan-item.ts';
import { saveStep } from './save-step.ts';
import { createResource, deleteResource } from './save-resource.ts';
import { setCollaborator } from './set-collaborator.ts';
import { updateActivityStatuses } from './update-activity-statuses.ts';
import { moveStakeholder, updateStakeholder } from './update-stakeholder.ts';
import { openResourceFile } from './open-resource-file.ts';

let database: Database;
let orgId: string;
let owner: Actor, ana: Actor, ben: Actor, outsider: Actor, officer: Actor;
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const org = await makeOrganisation(db, { name: 'Compras Claras' });
	const other = await makeOrganisation(db, { name: 'Elsewhere' });
	orgId = org.id;
	owner = await actorFor(db, 'member', [[org.id, 'owner']]);
	ana = await actorFor(db, 'member', [[org.id, 'member']]);
	ben = await actorFor(db, 'member', [[org.id, 'member']]);
	outsider = await actorFor(db, 'member', [[other.id, 'owner']]);
	officer = await actorFor(db, 'programme_officer');
});
afterAll(() => database?.close());

async function newStrategy() {
	const s = await createStrategy(database.db, ana, orgId, { title: 'Open health contracts', language: 'es' });
	await setCollaborator(database.db, ana, s.id, { userId: uid(ben), role: 'editor' });
	return s;
}

describe('strategy workspace', () => {
	it('a member starts a strategy with four empty steps and becomes its editor', async () => {
		const s = await createStrategy(database.db, ana, orgId, { title: 'Road contracts', language: 'fr' });
		const v = await getStrategy(database.db, ana, s.id);
		expect(Object.keys(v.steps)).toEqual(['1', '2', '3', '4']);
		expect(v.can.edit).toBe(true);
		expect(v.team.find((t) => t.userId === uid(ana))?.role).toBe('editor');
		expect(v.progress.every((p) => p.done === 0)).toBe(true);
	});

	it('a member of another organisation cannot start one here, nor see it (NOT_FOUND)', async () => {
		const s = await newStrategy();
		expect(await outcome(() => createStrategy(database.db, outsider, orgId, { title: 'x' }))).toBe('FORBIDDEN');
		expect(await outcome(() => getStrategy(database.db, outsider, s.id))).toBe('NOT_FOUND');
		expect(await outcome(() => saveStep(database.db, outsider, s.id, 1, { baseVersion: 0, problem: 'x' }))).toBe('NOT_FOUND');
	});

	it('a blank title is refused with a message on the field', async () => {
		await expect(createStrategy(database.db, ana, orgId, { title: '  ' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { title: [expect.any(String)] } });
	});

	it('saving a step moves its version on and records who changed what', async () => {
		const s = await newStrategy();
		const r = await saveStep(database.db, ana, s.id, 1, { baseVersion: 0, problem: 'Medicines bought at triple the price', context: '', windows: '', risks: '' });
		expect(r).toMatchObject({ status: 'saved', version: 1 });
		expect(r.status === 'saved' && r.savedAt).toBeInstanceOf(Date);
		const history = await listStrategyHistory(database.db, ben, s.id);
		expect(history[0].changes).toMatchObject({ 'step1.problem': { from: null, to: 'Medicines bought at triple the price' } });
	});

	it('a stale save does not overwrite: both versions come back, and the newer text stays', async () => {
		const s = await newStrategy();
		await saveStep(database.db, ana, s.id, 2, { baseVersion: 0, goal: 'Ana’s goal' });
		const stale = await saveStep(database.db, ben, s.id, 2, { baseVersion: 0, goal: 'Ben’s goal' });
		expect(stale.status).toBe('conflict');
		if (stale.status !== 'conflict') return;
		expect(stale.theirs.content.goal).toBe('Ana’s goal');
		expect(stale.theirs.version).toBe(1);
		expect(stale.yours.goal).toBe('Ben’s goal');
		const v = await getStrategy(database.db, ben, s.id);
		expect(v.steps[2].content.goal).toBe('Ana’s goal');
		// Having seen both, Ben saves on top of the newer version.
		const merged = await saveStep(database.db, ben, s.id, 2, { baseVersion: stale.theirs.version, goal: 'Ana’s and Ben’s goal' });
		expect(merged).toMatchObject({ status: 'saved', version: 2 });
	});

	it('a stale save of the same text is not a conflict', async () => {
		const s = await newStrategy();
		await saveStep(database.db, ana, s.id, 4, { baseVersion: 0, learning: 'Same' });
		expect(await saveStep(database.db, ben, s.id, 4, { baseVersion: 0, learning: 'Same' })).toMatchObject({ status: 'saved', version: 1 });
	});

	it('a viewer reads but may not save; the owner always edits; staff only read', async () => {
		const s = await newStrategy();
		await setCollaborator(database.db, ana, s.id, { userId: uid(ben), role: 'viewer' });
		expect(await outcome(() => saveStep(database.db, ben, s.id, 1, { baseVersion: 0, problem: 'x' }))).toBe('FORBIDDEN');
		expect(await outcome(() => getStrategy(database.db, ben, s.id))).toBe('OK');
		expect(await outcome(() => saveStep(database.db, owner, s.id, 1, { baseVersion: 0, problem: 'x' }))).toBe('OK');
		expect(await outcome(() => getStrategy(database.db, officer, s.id))).toBe('OK');
		expect(await outcome(() => saveStep(database.db, officer, s.id, 1, { baseVersion: 1, problem: 'y' }))).toBe('FORBIDDEN');
	});

	it('only members of the organisation can be given a role', async () => {
		const s = await newStrategy();
		await expect(setCollaborator(database.db, ana, s.id, { userId: uid(outsider), role: 'editor' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
	});

	it('a bad date in a step is refused per field and nothing is saved', async () => {
		const s = await newStrategy();
		await expect(saveStep(database.db, ana, s.id, 2, { baseVersion: 0, goal: 'G', deadline: '2027-13-45' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { deadline: [expect.any(String)] } });
		expect((await getStrategy(database.db, ana, s.id)).steps[2].version).toBe(0);
	});
});

describe('power map and plan', () => {
	it('stakeholders are placed, moved and tied; a removed stakeholder leaves no dangling ties', async () => {
		const s = await newStrategy();
		const minister = await addStakeholder(database.db, ana, s.id, { name: 'Minister of Health', type: 'government', position: -1, power: 5, target: true });
		const press = await addStakeholder(database.db, ana, s.id, { name: 'Health reporters', type: 'media', position: 2, power: 2, ties: [minister.id, minister.id, '00000000-0000-4000-8000-000000000000'] });
		expect(press.ties).toEqual([minister.id]);
		const moved = await moveStakeholder(database.db, ben, s.id, minister.id, { position: 1, power: 5 });
		expect(moved.position).toBe(1);
		expect(await outcome(() => moveStakeholder(database.db, ben, s.id, minister.id, { position: 3, power: 5 }))).toBe('INVALID_INPUT');
		const self = await updateStakeholder(database.db, ana, s.id, minister.id, { name: 'Minister of Health', type: 'government', position: 1, power: 5, ties: [minister.id, press.id] });
		expect(self.ties).toEqual([press.id]);
		await removePlanItem(database.db, ana, s.id, 'stakeholder', minister.id);
		const v = await getStrategy(database.db, ana, s.id);
		expect(v.stakeholders.map((x) => [x.name, x.ties])).toEqual([['Health reporters', []]]);
	});

	it('an item of another strategy cannot be moved or removed through this one', async () => {
		const a = await newStrategy();
		const b = await newStrategy();
		const st = await addStakeholder(database.db, ana, a.id, { name: 'Auditor', type: 'oversight', position: 0, power: 3 });
		expect(await outcome(() => moveStakeholder(database.db, ana, b.id, st.id, { position: 1, power: 1 }))).toBe('NOT_FOUND');
		expect(await outcome(() => removePlanItem(database.db, ana, b.id, 'stakeholder', st.id))).toBe('NOT_FOUND');
		for (const kind of ['__proto__', 'constructor', 'toString'])
			expect(await outcome(() => removePlanItem(database.db, ana, b.id, kind, st.id)), kind).toBe('NOT_FOUND');
	});

	it('an activity due before it starts is refused; progress counts milestones and check-ins', async () => {
		const s = await newStrategy();
		await expect(addActivity(database.db, ana, s.id, { title: 'Launch', startDate: '2027-05-01', dueDate: '2027-04-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { dueDate: [expect.any(String)] } });
		await addActivity(database.db, ana, s.id, { title: 'Launch', startDate: '2027-04-01', dueDate: '2027-05-01', milestone: true, budget: 1200, deliverable: 'Portal' });
		await addTactic(database.db, ana, s.id, { audience: 'public', change: 'awareness', description: 'Radio spots' });
		await addMonitoringEntry(database.db, ana, s.id, { kind: 'indicator', title: 'Contracts published', target: '100%' });
		await addMonitoringEntry(database.db, ana, s.id, { kind: 'check_in', title: 'Quarterly review', entryDate: '2027-06-30' });
		const v = await getStrategy(database.db, ana, s.id);
		expect(v.progress[2].missing).toEqual(['messages', 'manager']);
		expect(v.progress[3].missing).toEqual([]);
	});

	it('each page reads only its part, and tells the same progress as the whole strategy', async () => {
		const s = await newStrategy();
		await saveStep(database.db, ana, s.id, 2, { baseVersion: 0, goal: 'Publish contracts' });
		await addStakeholder(database.db, ana, s.id, { name: 'Minister of Health', type: 'government', position: -1, power: 5, target: true });
		await addActivity(database.db, ana, s.id, { title: 'Launch', startDate: '2027-04-01', milestone: true, budget: 1200 });
		await addActivity(database.db, ana, s.id, { title: 'Dropped idea', status: 'dropped', milestone: true, budget: 500 });
		await addMonitoringEntry(database.db, ana, s.id, { kind: 'check_in', title: 'Quarterly review' });
		const whole = await getStrategy(database.db, ana, s.id);
		const overview = await getStrategyOverview(database.db, ana, s.id);
		expect(overview.progress).toEqual(whole.progress);
		expect(overview.team).toEqual(whole.team);
		for (const step of [1, 2, 3, 4] as const) expect((await getStrategyStep(database.db, ben, s.id, step)).progress, `step ${step}`).toEqual(whole.progress[step - 1]);
		const two = await getStrategyStep(database.db, ana, s.id, 2);
		expect([two.stakeholderCount, two.targets, two.plan.activities]).toEqual([1, ['Minister of Health'], []]);
		const map = await getPowerMap(database.db, ben, s.id);
		expect([map.stakeholders.map((x) => x.name), map.gaps, map.can.edit]).toEqual([['Minister of Health'], [], true]);
		expect((await getStrategyTimeline(database.db, ana, s.id)).timeline.rows.map((r) => r.title)).toEqual(['Launch']);
		expect(await outcome(() => getPowerMap(database.db, outsider, s.id))).toBe('NOT_FOUND');
		expect(await outcome(() => getStrategyStep(database.db, outsider, s.id, 3))).toBe('NOT_FOUND');
	});

	it('the plan shows a page of activities of one status, with counts and budget over all of them', async () => {
		const s = await newStrategy();
		for (let i = 1; i <= 55; i++) await addActivity(database.db, ana, s.id, { title: `Step ${String(i).padStart(2, '0')}`, startDate: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`, status: i % 5 === 0 ? 'done' : 'planned', budget: 10 });
		const first = (await getStrategyStep(database.db, ana, s.id, 3)).plan;
		expect([first.activities.length, first.total, first.byStatus, first.budget]).toEqual([50, 55, { planned: 44, done: 11 }, 550]);
		const second = (await getStrategyStep(database.db, ana, s.id, 3, { page: '2' })).plan;
		expect(second.activities.length).toBe(5);
		expect(new Set([...first.activities, ...second.activities].map((a) => a.id)).size).toBe(55);
		const done = (await getStrategyStep(database.db, ana, s.id, 3, { status: 'done' })).plan;
		expect(done.activities.map((a) => a.status)).toEqual(Array(11).fill('done'));
		expect(await outcome(() => getStrategyStep(database.db, ana, s.id, 3, { status: 'lost' }))).toBe('INVALID_INPUT');
	});

	it('statuses set together are all saved or none; only changed rows are written, each in the history', async () => {
		const s = await newStrategy();
		const other = await newStrategy();
		const a = await addActivity(database.db, ana, s.id, { title: 'Brief the minister' });
		const b = await addActivity(database.db, ana, s.id, { title: 'Publish the scorecard' });
		const elsewhere = await addActivity(database.db, ana, other.id, { title: 'Not this plan' });
		const before = (await listStrategyHistory(database.db, ana, s.id)).length;
		expect(await outcome(() => updateActivityStatuses(database.db, ana, s.id, { ids: [a.id, elsewhere.id], statuses: ['done', 'done'] }))).toBe('NOT_FOUND');
		expect(await outcome(() => updateActivityStatuses(database.db, ana, s.id, { ids: [a.id], statuses: ['lost'] }))).toBe('INVALID_INPUT');
		expect(await outcome(() => updateActivityStatuses(database.db, outsider, s.id, { ids: [a.id], statuses: ['done'] }))).toBe('NOT_FOUND');
		expect(await updateActivityStatuses(database.db, ben, s.id, { ids: [a.id, b.id], statuses: ['in_progress', 'planned'] })).toBe(1);
		const plan = (await getStrategyStep(database.db, ana, s.id, 3)).plan;
		expect(Object.fromEntries(plan.activities.map((x) => [x.title, x.status]))).toEqual({ 'Brief the minister': 'in_progress', 'Publish the scorecard': 'planned' });
		const history = await listStrategyHistory(database.db, ana, s.id);
		expect(history.length).toBe(before + 1);
		expect(history[0].changes).toMatchObject({ activity: { from: 'Brief the minister' }, 'activity.status': { from: 'planned', to: 'in_progress' } });
	});

	it('the hand-off starts a draft mini-grant application filled in from the strategy', async () => {
		const s = await newStrategy();
		const goal = 'By June 2027 the Ministry of Health publishes 100% of its medicine contracts as open data';
		await saveStep(database.db, ana, s.id, 2, { baseVersion: 0, goal, deadline: '2027-06-30', mandate: 'A decree with budget and staff' });
		expect(await outcome(() => handOffStrategy(database.db, ana, s.id))).toBe('NOT_FOUND'); // no mini-grant call open yet
		await makeMiniGrantCall(database.db);
		const { applicationId, href } = await handOffStrategy(database.db, ana, s.id);
		expect(href).toBe(`/grants/applications/${applicationId}/edit`);
		const [app] = await database.db.select().from(grantApplications).where(eq(grantApplications.id, applicationId));
		expect(app.organisationId).toBe(orgId);
		expect(app.status).toBe('draft');
		expect(app.answers).toMatchObject({ goal, deadline: '2027-06-30', mandate: 'A decree with budget and staff' });
		expect(await outcome(() => handOffStrategy(database.db, officer, s.id))).toBe('FORBIDDEN');
		expect(await outcome(() => handOffStrategy(database.db, outsider, s.id))).toBe('NOT_FOUND');
	});
});

describe('library and FAQ', () => {
	it('search finds Spanish words by stem in Spanish items, and filters narrow it', async () => {
		const db = database.db;
		await makeResource(db, { title: 'Guía para negociar con ministerios', summary: 'Cómo preparar reuniones con funcionarios', language: 'es', type: 'discussion_guide', topics: ['health'], countries: ['MX'] });
		await makeResource(db, { title: 'Evidence on savings', summary: 'Open contracting lowered prices', language: 'en', type: 'evidence', topics: ['health'] });
		const es = await listResources(db, { q: 'negociación reunión' }, 'es');
		expect(es.items.map((i) => i.title)).toContain('Guía para negociar con ministerios');
		expect((await listResources(db, { q: 'saving' }, 'en')).items.map((i) => i.title)).toEqual(['Evidence on savings']);
		expect((await listResources(db, { type: 'evidence', topic: 'health' })).items.map((i) => i.title)).toEqual(['Evidence on savings']);
		expect((await listResources(db, { country: 'MX' })).total).toBe(1);
		expect(await outcome(() => listResources(db, { type: 'novel' }))).toBe('INVALID_INPUT');
	});

	it('the FAQ is searched in the reader’s language', async () => {
		await makeFaq(database.db, { topic: 'confidentiality', questionEs: 'Publicar los contratos viola la confidencialidad comercial', questionEn: 'Publishing contracts breaks commercial confidentiality' });
		const r = await listFaqs(database.db, { q: 'confidencial' }, 'es');
		expect(r.items.map((i) => i.question)).toEqual(['Publicar los contratos viola la confidencialidad comercial']);
	});

	it('only staff add library items; files over the limit or of a refused type are not stored', async () => {
		const input = { type: 'template', versions: { en: { title: 'Letter to the minister' } } };
		expect(await outcome(() => createResource(database.db, ana, input))).toBe('FORBIDDEN');
		const big = { name: 'huge.txt', bytes: new Uint8Array(11 * 1024 * 1024).fill(65) };
		const files = databaseFileStore(database.db);
		const before = (await database.db.select().from(storedFiles)).length;
		expect(await outcome(() => createResource(database.db, officer, input, { en: big }, { files }))).toBe('PAYLOAD_TOO_LARGE');
		const exe = { name: 'letter.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) };
		expect(await outcome(() => createResource(database.db, officer, input, { en: exe }, { files }))).toBe('UNSUPPORTED_MEDIA_TYPE');
		expect(await database.db.select().from(storedFiles)).toHaveLength(before);
		const ok = await createResource(database.db, officer, input, { en: { name: 'letter.txt', bytes: new TextEncoder().encode('Dear minister') } }, { files });
		expect(new TextDecoder().decode(await readAll((await openResourceFile(database.db, files, ok.id)).stored))).toBe('Dear minister');
		await deleteResource(database.db, officer, ok.id, { files });
		expect(await database.db.select().from(storedFiles)).toHaveLength(before);
		expect(await outcome(() => openResourceFile(database.db, files, ok.id))).toBe('NOT_FOUND');
	});
});

describe('export', () => {
	it('the DOCX is written in the team’s language, with typed markup kept as text', async () => {
		const mammoth = await import('mammoth');
		const s = await createStrategy(database.db, ana, orgId, { title: 'Compras de salud', language: 'es' });
		await saveStep(database.db, ana, s.id, 1, { baseVersion: 0, problem: 'Precios <b>inflados</b> & opacos' });
		await addStakeholder(database.db, ana, s.id, { name: 'Ministra de Salud', type: 'government', position: -1, power: 5, target: true });
		const { exportStrategyDocx } = await import('./export-strategy-docx.ts');
		const { bytes, filename } = await exportStrategyDocx(database.db, ben, s.id);
		expect(filename).toBe('Compras de salud.docx');
		const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
		expect(value).toContain('Comprender el contexto');
		expect(value).toContain('Precios <b>inflados</b> & opacos');
		expect(value).toContain('Ministra de Salud');
		expect(value).toContain('opositor');
		expect(await outcome(() => exportStrategyDocx(database.db, outsider, s.id))).toBe('NOT_FOUND');
	});
});

describe('SMART goal in the progress', () => {
	it('a goal without a date or owner is reported as failing the SMART check; a complete one passes', async () => {
		const s = await newStrategy();
		await saveStep(database.db, ana, s.id, 2, { baseVersion: 0, goal: 'Better contracts' });
		expect((await getStrategy(database.db, ana, s.id)).progress[1].missing).toContain('goal_smart');
		await saveStep(database.db, ana, s.id, 2, { baseVersion: 1, goal: 'The ministry publishes 100% of health contracts by June 2027.' });
		expect((await getStrategy(database.db, ana, s.id)).progress[1].missing).not.toContain('goal_smart');
	});
});
