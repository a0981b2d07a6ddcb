import { and, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { RetentionInput } from '../../validation/privacy.ts';
import { contactMessages } from './schema.ts';

/** A retention rule: contact messages closed more than N days ago are deleted, sender and all. */
export async function deleteClosedContactMessages(db: Db, rules: RetentionInput, now = new Date()): Promise<number> {
	const before = new Date(now.getTime() - rules.contactMessageDays * 86_400_000);
	const rows = await db
		.delete(contactMessages)
		.where(and(isNotNull(contactMessages.closedAt), lt(contactMessages.closedAt, before)))
		.returning({ id: contactMessages.id });
	return rows.length;
}
