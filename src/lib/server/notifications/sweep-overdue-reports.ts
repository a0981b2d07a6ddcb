import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { memberships } from '../directory/schema.ts';
import { grantApplications, grantAwards, grantReports } from '../grants/schema.ts';
import { notify } from './notify.ts';
import { notifications } from './schema.ts';

const WEEK_MS = 7 * 86400000;

/**
 * Reminds the grantee's members of each report past its due date, once a week until it is
 * submitted. A report already reminded in the last seven days is skipped, so the job can run
 * daily (and after downtime) without sending more than one reminder a week.
 */
export async function sweepOverdueReports(db: Db, now = new Date()): Promise<number> {
	const today = now.toISOString().slice(0, 10);
	const weekAgo = new Date(now.getTime() - WEEK_MS);
	const overdue = await db
		.select({ id: grantReports.id, applicationId: grantApplications.id, organisationId: grantApplications.organisationId })
		.from(grantReports)
		.innerJoin(grantAwards, eq(grantAwards.id, grantReports.awardId))
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.where(
			and(
				isNull(grantReports.submittedAt),
				isNull(grantAwards.closedAt),
				lt(grantReports.dueDate, today),
				sql`NOT EXISTS (SELECT 1 FROM ${notifications} WHERE ${notifications.category} = 'report_overdue' AND ${notifications.subjectId} = ${grantReports.id}::text AND ${gt(notifications.createdAt, weekAgo)})`
			)
		);
	let sent = 0;
	for (const r of overdue)
		sent += await db.transaction(async (tx) => {
			const members = await tx.select({ id: memberships.userId }).from(memberships).where(eq(memberships.organisationId, r.organisationId));
			return notify(tx, { recipients: members.map((x) => x.id), category: 'report_overdue', subjectKind: 'grant_report', subjectId: r.id, href: `/grants/applications/${r.applicationId}` });
		});
	return sent;
}
