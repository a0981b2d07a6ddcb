import { eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { registerForEvent } from '../events/register-for-event.ts';
import { events } from '../events/schema.ts';
import { grantApplications, grantAwards, grantReports, grantTranches } from '../grants/schema.ts';
import { monthOf } from '../home/month.ts';
import { loadActor } from '../identity/load-actor.ts';
import { users } from '../identity/schema.ts';

/**
 * What makes each demo home show work in every section: a place waiting for approval on the
 * approval-only circle, and on the Paraguay grant an interim report due this month, a payment
 * planned this month and one already paid.
 */
export async function seedDemoHome(db: Db, now = new Date()): Promise<void> {
	const [member] = await db.select().from(users).where(eq(users.email, 'member@demo.supporthub.org'));
	const [circle] = await db.select().from(events).where(eq(events.title, 'Messages that move decision-makers')).limit(1);
	if (member && circle) {
		const actor = await loadActor(db, member.id, 'session');
		await registerForEvent(db, actor, circle.id, { organisationName: '', country: '', consent: true }, { locale: member.locale });
	}
	const [grant] = await db
		.select({ awardId: grantAwards.id, callId: grantApplications.callId, amount: grantAwards.amount })
		.from(grantAwards)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(eq(organisations.name, 'Paraguay Compras Abiertas'))
		.limit(1);
	if (!grant) return;
	const month = monthOf(now, 'UTC');
	await db.insert(grantReports).values({ awardId: grant.awardId, callId: grant.callId, dueDate: month.today });
	const half = Math.round(grant.amount / 2);
	await db.insert(grantTranches).values([
		{ awardId: grant.awardId, plannedDate: month.start, plannedAmount: half, paidDate: month.start, paidAmount: half },
		{ awardId: grant.awardId, plannedDate: month.today, plannedAmount: grant.amount - half }
	]);
}
