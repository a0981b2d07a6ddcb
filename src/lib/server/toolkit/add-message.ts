import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { messageInput } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { strategyMessages } from './schema.ts';

export async function addMessage(db: Db, actor: Actor, strategyId: string, raw: unknown) {
	const input = parseInput(messageInput, raw);
	return editStrategy(db, actor, strategyId, async (tx) => {
		const [row] = await tx.insert(strategyMessages).values({ ...input, strategyId }).returning();
		return { result: row, changes: { message: { from: null, to: row.coreMessage } } };
	});
}
