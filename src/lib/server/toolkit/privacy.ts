import { eq } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { strategies, strategyCollaborators } from './schema.ts';

/** Strategies are the team's; the person only loses their seat as a collaborator. */
export const toolkitPrivacy: PrivacyContributor = {
	key: 'strategies',
	async exportData(tx, s) {
		const created = await tx
			.select({ id: strategies.id, title: strategies.title, organisationId: strategies.organisationId, createdAt: strategies.createdAt })
			.from(strategies)
			.where(eq(strategies.createdBy, s.userId));
		const collaborating = await tx
			.select({ strategyId: strategyCollaborators.strategyId })
			.from(strategyCollaborators)
			.where(eq(strategyCollaborators.userId, s.userId));
		return { created, collaborating: collaborating.map((c) => c.strategyId) };
	},
	async erase(tx, s) {
		await tx.delete(strategyCollaborators).where(eq(strategyCollaborators.userId, s.userId));
	}
};
