import { and, eq, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../directory/find-organisation.ts';
import type { Actor } from './actor.ts';
import { apiTokens } from './schema.ts';

/** People revoke their own tokens; nobody else's token is even found. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string) {
	if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	if (!isUuid(tokenId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
			.returning({ id: apiTokens.id });
		if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
		await recordActivity(tx, actor, { subjectType: 'api_token', subjectId: row.id, action: 'revoked' });
	});
}
