import { createHash, randomBytes } from 'node:crypto';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { z } from '../../validation/zod.ts';
import type { Actor } from './actor.ts';
import { ensure } from './ensure.ts';
import { ensureFreshProof } from './fresh-proof.ts';
import { canManageApiTokens } from './policies.ts';
import { apiTokens } from './schema.ts';

export const TOKEN_PREFIX = 'shk_';
export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const apiTokenInput = z.object({
	name: z.string().trim().min(1).max(100),
	// An empty form field means no expiry.
	expiresInDays: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(1).max(365).optional())
});

/** Returns the token once; only its hash is kept. A token outlives the session, so it asks for a fresh proof of identity. */
export async function createApiToken(db: Db, actor: Actor, raw: unknown) {
	ensure(canManageApiTokens(actor));
	if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	ensureFreshProof(actor);
	const input = parseInput(apiTokenInput, raw);
	const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({
				userId: actor.userId,
				name: input.name,
				tokenHash: hashApiToken(token),
				prefix: token.slice(0, 10),
				expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null
			})
			.returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
		await recordActivity(tx, actor, { subjectType: 'api_token', subjectId: row.id, action: 'created' });
		return { ...row, token };
	});
}
