import { eq, sql } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { DEFAULT_DELIVERY, NOTIFICATION_CATEGORIES, type DeliveryMode, type NotificationCategory } from '../../notifications/categories.ts';
import { notificationPreferencesInput } from '../../validation/notifications.ts';
import { signedIn } from './policies.ts';
import { notificationPreferences } from './schema.ts';

export type Preferences = Record<NotificationCategory, DeliveryMode>;

/** Every category with the asker's choice, or the default where they made none. */
export async function getPreferences(db: DbOrTx, actor: Actor): Promise<Preferences> {
	const me = signedIn(actor);
	const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.userId));
	const chosen = new Map(rows.map((r) => [r.category, r.mode]));
	return Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, chosen.get(c) ?? DEFAULT_DELIVERY])) as Preferences;
}

/** Saves the given categories; a mode outside the allowed set refuses the whole input. */
export async function setPreferences(db: Db, actor: Actor, raw: unknown): Promise<Preferences> {
	const me = signedIn(actor);
	const input = parseInput(notificationPreferencesInput, raw);
	const rows = Object.entries(input)
		.filter((e): e is [NotificationCategory, DeliveryMode] => !!e[1])
		.map(([category, mode]) => ({ userId: me.userId, category, mode }));
	await db.transaction(async (tx) => {
		if (!rows.length) return;
		await tx
			.insert(notificationPreferences)
			.values(rows)
			.onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.category], set: { mode: sql`excluded.mode` } });
		await recordActivity(tx, actor, {
			subjectType: 'user',
			subjectId: me.userId,
			action: 'updated',
			changes: Object.fromEntries(rows.map((r) => [`notifications.${r.category}`, { from: null, to: r.mode }]))
		});
	});
	return getPreferences(db, actor);
}
