import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { apiTokens } from './schema.ts';

export async function listApiTokens(db: Db, actor: Actor) {
	if (actor.kind !== 'user') return [];
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			prefix: apiTokens.prefix,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			expiresAt: apiTokens.expiresAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.where(eq(apiTokens.userId, actor.userId))
		.orderBy(desc(apiTokens.createdAt));
}
