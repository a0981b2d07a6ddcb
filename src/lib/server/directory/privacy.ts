import { eq, sql } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { outsideLabel } from './partner-label.ts';
import { invitations, memberships, needToKnow, organisations, people } from './schema.ts';

const sameAddress = (column: typeof people.email | typeof invitations.email, email: string) => sql`lower(${column}) = ${email.toLowerCase()}`;

/**
 * Memberships, need-to-know entries, invitations to the person's address and contact records carrying it. The
 * organisations themselves stay: they belong to their teams, not to one member.
 */
export const directoryPrivacy: PrivacyContributor = {
	key: 'directory',
	async exportData(tx, s) {
		const member = await tx
			.select({ organisationId: memberships.organisationId, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive, role: memberships.role, since: memberships.createdAt })
			.from(memberships)
			.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
			.where(eq(memberships.userId, s.userId));
		const contacts = await tx
			.select({ organisationId: people.organisationId, name: people.name, role: people.role, email: people.email, phone: people.phone })
			.from(people)
			.where(sameAddress(people.email, s.email));
		const invited = await tx
			.select({ organisationId: invitations.organisationId, email: invitations.email, createdAt: invitations.createdAt })
			.from(invitations)
			.where(sameAddress(invitations.email, s.email));
		// The file leaves the hub (and may sit on a laptop that is taken), so a sensitive partner is
		// named by its neutral reference here, as in every other export.
		const named = member.map(({ name, reference, sensitive, ...rest }) => ({ ...rest, organisation: outsideLabel({ name, reference, sensitive }) }));
		const listed = await tx
			.select({ name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive, since: needToKnow.createdAt })
			.from(needToKnow)
			.innerJoin(organisations, eq(organisations.id, needToKnow.organisationId))
			.where(eq(needToKnow.userId, s.userId));
		const needToKnowLists = listed.map(({ name, reference, sensitive, since }) => ({ organisation: outsideLabel({ name, reference, sensitive }), since }));
		return { memberships: named, contacts, invitations: invited, needToKnowLists };
	},
	async erase(tx, s) {
		await tx.delete(memberships).where(eq(memberships.userId, s.userId));
		await tx.delete(needToKnow).where(eq(needToKnow.userId, s.userId));
		await tx.delete(people).where(sameAddress(people.email, s.email));
		await tx.delete(invitations).where(sameAddress(invitations.email, s.email));
	}
};
