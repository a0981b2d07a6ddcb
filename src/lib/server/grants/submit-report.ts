import { and, eq, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { reportInput } from '../../validation/grants.ts';
import { announce } from '../notifications/announce.ts';
import { findReport } from './find-award.ts';
import { canActForApplicant } from './policies.ts';
import { grantReports } from './schema.ts';

/** The grantee reports what changed in policy, regulation or practice, with evidence links. */
export async function submitReport(db: Db, actor: Actor, reportId: string, raw: unknown) {
	const input = parseInput(reportInput, raw);
	return db.transaction(async (tx) => {
		const { report, application } = await findReport(tx, actor, reportId);
		ensure(canActForApplicant(actor, application.organisationId));
		const [after] = await tx
			.update(grantReports)
			.set({ ...input, submittedAt: new Date(), submittedBy: actor.kind === 'user' ? actor.userId : null })
			.where(and(eq(grantReports.id, report.id), isNull(grantReports.submittedAt)))
			.returning();
		if (!after) throw new DomainError('CONFLICT', m.grant_e_report_submitted());
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: application.id,
			organisationId: application.organisationId,
			action: 'report_submitted',
			changes: { changes: { from: null, to: input.changes.join(', ') } }
		});
		await announce(tx, { type: 'report_submitted', applicationId: application.id, callId: application.callId, reportId: report.id }, actor.kind === 'user' ? actor.userId : null);
		return after;
	});
}
