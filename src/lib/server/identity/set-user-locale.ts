import { and, eq, ne } from 'drizzle-orm';
import type { Locale } from '../../roles.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { users } from './schema.ts';

/** The language a person reads the hub in is also the one their e-mails are written in. */
export async function setUserLocale(db: Db, actor: Actor, locale: Locale) {
	if (actor.kind !== 'user') return;
	// Compared in the database, not with the actor: the actor may carry the language the session
	// started with, so en → es → en would otherwise skip the last change and leave the account on es.
	await db.update(users).set({ locale }).where(and(eq(users.id, actor.userId), ne(users.locale, locale)));
}
