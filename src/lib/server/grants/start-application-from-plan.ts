import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import type { CampaignPlan } from './campaign-plan.ts';

/**
 * Placeholder until the grants capability lands: the real use case replaces this file when both
 * are merged. Until then the hand-off says plainly that applications cannot be started yet.
 */
export async function startApplicationFromPlan(_db: Db, _actor: Actor, _plan: CampaignPlan): Promise<{ applicationId: string; href: string }> {
	throw new DomainError('CONFLICT', m.toolkit_handoff_unavailable());
}
