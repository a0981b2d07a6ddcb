import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { memberships } from '../directory/schema.ts';
import { loadActor } from '../identity/load-actor.ts';
import { grantApplications } from '../grants/schema.ts';
import { startApplication } from '../grants/start-application.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { ELIGIBLE_MINI, makeMiniGrantCall } from '../seed/grants-factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { openFileStore } from '../uploads/open-store.ts';
import { erasePerson } from './erase-person.ts';

let database: Database;
let files: FileStore;
beforeAll(async () => {
	database = await freshDatabase();
	files = openFileStore(database.db, undefined);
});
afterAll(() => database.close());

const uid = (a: Actor) => (a as { userId: string }).userId;

/** A draft with one uploaded file in its answers. */
async function draftWithFile(actor: Actor, callId: string, organisationId: string) {
	const app = await startApplication(database.db, actor, { callId, organisationId, screener: ELIGIBLE_MINI });
	const key = await files.put(new TextEncoder().encode(`budget of ${organisationId}`));
	await database.db
		.update(grantApplications)
		.set({ answers: { budget: { key, name: 'budget.pdf', size: 20, type: 'application/pdf' } } })
		.where(eq(grantApplications.id, app.id));
	return { id: app.id, key };
}

describe('erasure and the files a person alone holds', () => {
	it('a draft only the erased person could reach goes with its files; a draft shared with a colleague stays, files and all', async () => {
		const db = database.db;
		const call = await makeMiniGrantCall(db);
		const alone = await makeOrganisation(db, {});
		const shared = await makeOrganisation(db, {});
		const person = await actorFor(db, 'member');
		await actorFor(db, 'member', [[shared.id, 'owner']]); // the colleague who keeps the shared draft
		await db.insert(memberships).values([
			{ organisationId: alone.id, userId: uid(person), role: 'owner' },
			{ organisationId: shared.id, userId: uid(person), role: 'member' }
		]);
		const member = await loadActor(db, uid(person), 'session');
		const mine = await draftWithFile(member, call.id, alone.id);
		const theirs = await draftWithFile(member, call.id, shared.id);

		await erasePerson(db, await actorFor(db, 'admin'), uid(person), { files });

		expect(await db.select().from(grantApplications).where(eq(grantApplications.id, mine.id))).toEqual([]);
		expect(await files.open(mine.key)).toBeNull();
		expect(await db.select({ id: grantApplications.id }).from(grantApplications).where(eq(grantApplications.id, theirs.id))).toHaveLength(1);
		expect(await files.open(theirs.key)).not.toBeNull();
	});
});
