import { eq, or, sql } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { ERASED_NAME } from '../privacy/contributor.ts';
import { clinicRequests, eventRegistrations, events } from './schema.ts';

const theirs = (s: { userId: string; email: string }) =>
	or(eq(eventRegistrations.userId, s.userId), sql`${eventRegistrations.email} = ${s.email.toLowerCase()}`);

/**
 * Registrations are anonymised rather than deleted: attendance figures of past events stay true.
 * The manage-link hash is replaced too, so an old link in a forwarded mail opens nothing.
 */
export const eventsPrivacy: PrivacyContributor = {
	key: 'events',
	async exportData(tx, s) {
		const registrations = await tx
			.select({ event: events.title, startsAt: events.startsAt, name: eventRegistrations.name, email: eventRegistrations.email, organisationName: eventRegistrations.organisationName, country: eventRegistrations.country, status: eventRegistrations.status, attended: eventRegistrations.attended, consentAt: eventRegistrations.consentAt, createdAt: eventRegistrations.createdAt })
			.from(eventRegistrations)
			.innerJoin(events, eq(events.id, eventRegistrations.eventId))
			.where(theirs(s));
		const clinics = await tx
			.select({ organisationId: clinicRequests.organisationId, problem: clinicRequests.problem, language: clinicRequests.language, status: clinicRequests.status, createdAt: clinicRequests.createdAt })
			.from(clinicRequests)
			.where(eq(clinicRequests.requestedBy, s.userId));
		return { registrations, clinicRequests: clinics };
	},
	async erase(tx, s) {
		await tx
			.update(eventRegistrations)
			.set({
				userId: null,
				name: ERASED_NAME,
				email: sql`'erased-' || ${eventRegistrations.id}::text || '@erased.invalid'`,
				organisationName: '',
				country: '',
				tokenHash: sql`'erased-' || ${eventRegistrations.id}::text`
			})
			.where(theirs(s));
	}
};
