import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { eventFormValues } from '../events/event-form-values.ts';
import { registerForEvent } from '../events/register-for-event.ts';
import { clinicRequests, events } from '../events/schema.ts';
import { updateEvent } from '../events/update-event.ts';
import { loadActor } from '../identity/load-actor.ts';
import { users } from '../identity/schema.ts';
import { announce } from '../notifications/announce.ts';

/**
 * Notices for the demo accounts, each from something that really happened in the demo data:
 * the officers hear of the waiting request and clinic request; the partner and member, who
 * registered for the French tactics webinar, hear that it moved half an hour (with a new calendar file).
 */
export async function seedDemoNotifications(db: Db): Promise<void> {
	const byEmail = async (email: string) => loadActor(db, (await db.select().from(users).where(eq(users.email, email)))[0].id, 'session');
	const officer = await byEmail('officer@demo.supporthub.org');
	await db.transaction(async (tx) => {
		for (const r of await tx.select({ id: engagementRequests.id }).from(engagementRequests).where(eq(engagementRequests.status, 'submitted')))
			await announce(tx, { type: 'request_submitted', requestId: r.id });
		for (const c of await tx.select({ id: clinicRequests.id }).from(clinicRequests).where(and(eq(clinicRequests.status, 'requested'), isNull(clinicRequests.eventId))))
			await announce(tx, { type: 'clinic_requested', clinicRequestId: c.id });
	});
	const [call] = await db.select().from(events).where(eq(events.title, 'Planification tactique de campagne')).limit(1);
	if (!call) return;
	for (const email of ['partner@demo.supporthub.org', 'member@demo.supporthub.org']) {
		const person = await byEmail(email);
		await registerForEvent(db, person, call.id, { organisationName: '', country: '', consent: true }, { locale: person.kind === 'user' ? person.locale : 'en' });
	}
	const later = { ...call, startsAt: new Date(call.startsAt.getTime() + 30 * 60000), endsAt: new Date(call.endsAt.getTime() + 30 * 60000) };
	await updateEvent(db, officer, call.id, eventFormValues(later, []));
}
