import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { todayIn } from './find-application.ts';
import { grantLink, mailApplicants, mailUser } from './mail.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes, grantReports } from './schema.ts';
import { decisionClock } from './working-days.ts';
import { CLOCK_RUNNING } from './workflow.ts';

export const REMIND_DAYS_BEFORE = 14;

/**
 * The scheduled sweep: alerts the programme lead when 80 % of an application's decision time has
 * passed, and reminds grantees of reports falling due. Each alert and reminder is claimed with a
 * conditional UPDATE before it is sent, so a sweep run twice (or by two workers) sends it once.
 */
export async function sweepGrantDeadlines(db: Db, now = new Date()) {
	let alerts = 0;
	let reminders = 0;
	const late = await db
		.select({ id: grantApplications.id, dueAt: grantApplications.decisionDueAt, target: grantCalls.decisionTargetDays, timeZone: grantCalls.timeZone, org: organisations, callTitle: grantCalls.title, lead: grantProgrammes.leadUserId })
		.from(grantApplications)
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(
			and(
				inArray(grantApplications.status, CLOCK_RUNNING),
				isNull(grantApplications.clockAlertSentAt),
				isNotNull(grantApplications.decisionDueAt),
				sql`${grantApplications.submittedAt} + (${grantApplications.decisionDueAt} - ${grantApplications.submittedAt}) * 0.4 <= ${now.toISOString()}::timestamptz`
			)
		);
	// SQL narrows to applications past half their calendar time; the working-day rule decides.
	for (const a of late) {
		if (!a.dueAt || !a.target || !decisionClock(a.dueAt, a.target, now, a.timeZone).alert) continue;
		await db.transaction(async (tx) => {
			const claimed = await tx
				.update(grantApplications)
				.set({ clockAlertSentAt: now })
				.where(and(eq(grantApplications.id, a.id), isNull(grantApplications.clockAlertSentAt)))
				.returning({ id: grantApplications.id });
			if (claimed.length && a.lead) alerts += await mailUser(tx, a.lead, 'clock_alert', { callTitle: a.callTitle, org: a.org, url: grantLink(`/grants/applications/${a.id}`) });
		});
	}
	const horizon = new Date(now.getTime() + REMIND_DAYS_BEFORE * 86400000);
	const due = await db
		.select({ id: grantReports.id, dueDate: grantReports.dueDate, applicationId: grantApplications.id, org: organisations, callTitle: grantCalls.title })
		.from(grantReports)
		.innerJoin(grantAwards, eq(grantAwards.id, grantReports.awardId))
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(and(isNull(grantReports.submittedAt), isNull(grantReports.reminderSentAt), isNull(grantAwards.closedAt), lte(grantReports.dueDate, todayIn('UTC', horizon))));
	for (const r of due) {
		await db.transaction(async (tx) => {
			const claimed = await tx
				.update(grantReports)
				.set({ reminderSentAt: now })
				.where(and(eq(grantReports.id, r.id), isNull(grantReports.reminderSentAt)))
				.returning({ id: grantReports.id });
			if (claimed.length)
				reminders += await mailApplicants(tx, r.org.id, 'report_due', {
					callTitle: r.callTitle,
					org: r.org,
					url: grantLink(`/grants/applications/${r.applicationId}`),
					dueDate: r.dueDate
				});
		});
	}
	return { alerts, reminders };
}
