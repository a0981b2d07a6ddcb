import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { organisations } from '../directory/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeMiniGrantCall } from '../seed/grants-factories.ts';
import { makeActual, makeAwardedGrant, makeIndicator } from '../seed/insight-factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { getInsight } from './get-insight.ts';
import { dropOldSnapshots, reportFigures } from './report-snapshot.ts';
import { insightChanges, insightSnapshots, outcomeReviews } from './schema.ts';
import { parseInput } from '../validate.ts';
import { insightQuery } from '../../validation/insight-report.ts';
import { reviewActual } from './review-actual.ts';

// An officer who changes something and opens /insight again sees the change, while a report
// nobody changed anything under is served as it was kept.
let database: Database;
let officer: Actor;
let orgId: string;
let indicatorId: string;

const onTrack = (i: Awaited<ReturnType<typeof getInsight>>) => i.outcomes.reduce((n, r) => n + r.on_track, 0);

beforeAll(async () => {
	database = await freshDatabase();
	const org = await makeOrganisation(database.db, { name: 'Open Roads Kenya', country: 'KE', region: 'africa' });
	orgId = org.id;
	const call = await makeMiniGrantCall(database.db);
	const { award } = await makeAwardedGrant(database.db, { callId: call.id, organisationId: org.id });
	indicatorId = (await makeIndicator(database.db, { subjectType: 'grant', subjectId: award.id, organisationId: org.id })).id;
	officer = await actorFor(database.db, 'programme_officer');
});
afterAll(() => database.close());

describe('report figures follow changes', () => {
	it('an outcome marked on track shows on the next visit', async () => {
		const actual = await makeActual(database.db, { indicatorId, value: 30 });
		const before = await getInsight(database.db, officer, {});
		expect(onTrack(before)).toBe(0);

		await reviewActual(database.db, officer, actual.id, { status: 'on_track' });

		const after = await getInsight(database.db, officer, {});
		expect(onTrack(after)).toBe(1);
		expect(after.asOf.getTime()).toBeGreaterThanOrEqual(before.asOf.getTime());
	});

	it('with nothing changed, the kept figures are served as they are', async () => {
		const first = await getInsight(database.db, officer, {});
		const again = await getInsight(database.db, officer, {});
		expect(again.asOf.getTime()).toBe(first.asOf.getTime());
		// A partner's name is not a figure: the kept report still stands.
		await database.db.update(organisations).set({ name: 'Open Roads Kenya Trust' }).where(eq(organisations.id, orgId));
		expect((await getInsight(database.db, officer, {})).asOf.getTime()).toBe(first.asOf.getTime());
	});

	it('every filter set follows the change', async () => {
		expect(onTrack(await getInsight(database.db, officer, { country: 'KE' }))).toBe(1);
		const actual = await makeActual(database.db, { indicatorId, value: 35 });
		await reviewActual(database.db, officer, actual.id, { status: 'off_track', note: 'The portal was down for a month' });
		expect(onTrack(await getInsight(database.db, officer, { country: 'KE' }))).toBe(0);
		expect(onTrack(await getInsight(database.db, officer, {}))).toBe(0);
	});

	it.runIf(process.env.DATABASE_URL)('a change still being written while the figures are computed shows once it is saved', async () => {
		const actual = await makeActual(database.db, { indicatorId, value: 40 });
		expect(onTrack(await getInsight(database.db, officer, {}))).toBe(0);
		let commit!: () => void;
		const held = new Promise<void>((resolve) => (commit = resolve));
		let written!: () => void;
		const inserted = new Promise<void>((resolve) => (written = resolve));
		const tx = database.db.transaction(async (t) => {
			await t.insert(outcomeReviews).values({ actualId: actual.id, status: 'on_track' });
			written();
			await held;
		});
		await inserted;
		// Computed while the review is written but not yet saved: it cannot be in these figures.
		const during = await getInsight(database.db, officer, { kind: 'civil_society' });
		expect(onTrack(during)).toBe(0);
		commit();
		await tx;
		expect(onTrack(await getInsight(database.db, officer, { kind: 'civil_society' }))).toBe(1);
	});

	it('keeps the record of changes for a day', async () => {
		const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(insightChanges);
		expect(n).toBeGreaterThan(0);
		await dropOldSnapshots(database.db, new Date(Date.now() + 2 * 24 * 60 * 60_000));
		const [{ n: left }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(insightChanges);
		expect(left).toBe(0);
	});
});

describe('an instance holding the figures', () => {
	it('reads only the snapshot’s time while it is the kept one, and the figures again once it is not', async () => {
		const first = await reportFigures(database.db, parseInput(insightQuery, { by: 'region' }));
		const again = await reportFigures(database.db, parseInput(insightQuery, { by: 'region' }));
		expect(again.figures).toBe(first.figures);
		await database.db.update(insightSnapshots).set({ computedAt: new Date(first.computedAt.getTime() - 1000) });
		const reread = await reportFigures(database.db, parseInput(insightQuery, { by: 'region' }));
		expect(reread.figures).not.toBe(first.figures);
		expect(reread.figures).toEqual(first.figures);
	});
});
