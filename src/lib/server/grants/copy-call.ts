import { like } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findCall } from './find-application.ts';
import { canRunCalls } from './policies.ts';
import { grantCalls } from './schema.ts';

/** A new draft call with everything of another one: the quickest way to run a programme again. */
export async function copyCall(db: Db, actor: Actor, id: string) {
	ensure(canRunCalls(actor));
	return db.transaction(async (tx) => {
		const from = await findCall(tx, id);
		const base = `${from.slug.slice(0, 50)}-copy`;
		const taken = new Set((await tx.select({ slug: grantCalls.slug }).from(grantCalls).where(like(grantCalls.slug, `${base}%`))).map((r) => r.slug));
		let slug = base;
		for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
		const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = from;
		// The copy starts its own history: version 1, and no schedule until its dates are set again.
		const [call] = await tx.insert(grantCalls).values({ ...rest, slug, status: 'draft', version: 1, publishedVersion: 1, scheduled: false }).returning();
		await recordActivity(tx, actor, { subjectType: 'call', subjectId: call.id, action: 'copied', changes: { source: { from: null, to: from.slug } } });
		return call;
	});
}
