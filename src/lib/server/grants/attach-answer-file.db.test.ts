import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeCall } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { databaseFileStore } from '../uploads/db-store.ts';
import { readAll } from '../uploads/file-store.ts';
import { attachAnswerFile, openAnswerFile } from './attach-answer-file.ts';
import { MINI_GRANT_CALL } from './programmes.ts';
import { startApplication } from './start-application.ts';
import type { CallDefinition } from '../../validation/grants.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

const pdf = (size: number) => {
	const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
	return new Uint8Array(Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 32), Buffer.from('\n%%EOF\n')]));
};

describe('file answers', () => {
	it('a file within the field’s limit is kept; a larger one or a program is refused and nothing changes', async () => {
		const def = structuredClone(MINI_GRANT_CALL) as CallDefinition & { stages: { form: { sections: { fields: unknown[] }[] } }[] };
		def.slug = 'with-files';
		def.stages[0].form.sections[0].fields.push({ id: 'plan_doc', type: 'file', maxBytes: 2000, label: { en: 'Campaign plan', es: 'Plan de campaña', fr: 'Plan de campagne' } });
		const call = await makeCall(database.db, def);
		const org = await makeOrganisation(database.db, { kind: 'civil_society' });
		const applicant = await actorFor(database.db, 'member', [[org.id, 'owner']]);
		const app = await startApplication(database.db, applicant, { callId: call.id, organisationId: org.id, screener: { goal: 'yes', mandate: 'yes', plan: 'yes', manager: 'yes' } });
		const files = databaseFileStore(database.db);
		const opts = { files, maxBytes: 1024 * 1024 };
		expect(await outcome(() => attachAnswerFile(database.db, applicant, app.id, 'plan_doc', { name: 'big.pdf', bytes: pdf(5000) }, opts))).toBe('PAYLOAD_TOO_LARGE');
		expect(await outcome(() => attachAnswerFile(database.db, applicant, app.id, 'plan_doc', { name: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }, opts))).toBe('UNSUPPORTED_MEDIA_TYPE');
		expect(await outcome(() => attachAnswerFile(database.db, applicant, app.id, 'goal', { name: 'a.pdf', bytes: pdf(100) }, opts))).toBe('INVALID_INPUT');
		const stranger = await actorFor(database.db, 'member');
		expect(await outcome(() => attachAnswerFile(database.db, stranger, app.id, 'plan_doc', { name: 'a.pdf', bytes: pdf(100) }, opts))).toBe('NOT_FOUND');
		const answer = await attachAnswerFile(database.db, applicant, app.id, 'plan_doc', { name: 'plan.pdf', bytes: pdf(1000) }, opts);
		expect(answer).toMatchObject({ name: 'plan.pdf', type: 'application/pdf' });
		const { stored } = await openAnswerFile(database.db, applicant, app.id, 'plan_doc', files, true);
		expect((await readAll(stored)).length).toBe(answer.size);
		expect(await outcome(() => openAnswerFile(database.db, applicant, app.id, 'plan_doc', files, false))).toBe('NOT_FOUND');
	});
});
