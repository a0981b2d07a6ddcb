import { eq } from 'drizzle-orm';
import type { Locale } from '../../roles.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { users } from './schema.ts';

/** The language a person reads the hub in is also the one their e-mails are written in. */
export async function setUserLocale(db: Db, actor: Actor, locale: Locale) {
	if (actor.kind !== 'user' || actor.locale === locale) return;
	await db.update(users).set({ locale }).where(eq(users.id, actor.userId));
}
