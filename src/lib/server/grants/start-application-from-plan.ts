import { and, asc, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import type { CampaignPlan } from './campaign-plan.ts';
import type { Answers } from './definition.ts';
import { grantCalls, grantProgrammes } from './schema.ts';
import { insertDraft } from './start-application.ts';

/** The programme whose call takes applications built from an advocacy strategy. */
export const MINI_GRANT_PROGRAMME = 'rapid-response';

/**
 * Starts a draft mini-grant application for the plan's organisation, filled in from the plan:
 * goal, deadline, mandate, milestones with their deliverables, and the campaign manager. The
 * screener is left for the applicant to answer before submitting.
 */
export async function startApplicationFromPlan(db: Db, actor: Actor, plan: CampaignPlan): Promise<{ applicationId: string; href: string }> {
	return db.transaction(async (tx) => {
		const [call] = await tx
			.select({ id: grantCalls.id })
			.from(grantCalls)
			.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
			.where(and(eq(grantProgrammes.slug, MINI_GRANT_PROGRAMME)))
			.orderBy(asc(grantCalls.createdAt))
			.limit(1);
		if (!call) throw new DomainError('NOT_FOUND', m.grant_e_no_mini_grant_call());
		const answers: Answers = {};
		const text = (s: string, max: number) => s.trim().slice(0, max);
		if (plan.goal.trim()) answers.goal = text(plan.goal, 1000);
		if (plan.deadline) answers.deadline = plan.deadline;
		if (plan.mandateSought.trim()) answers.mandate = text(plan.mandateSought, 3000);
		const milestones = plan.milestones
			.filter((ms) => ms.title.trim())
			.slice(0, 20)
			.map((ms) => {
				const row: Record<string, unknown> = { title: text(ms.title, 300) };
				if (ms.dueDate) row.due = ms.dueDate;
				if (ms.deliverable.trim()) row.deliverable = text(ms.deliverable, 300);
				return row;
			});
		if (milestones.length) answers.milestones = milestones;
		const deliverables = plan.deliverables.map((d) => d.trim()).filter(Boolean);
		if (deliverables.length) answers.deliverables = text(deliverables.join('\n'), 3000);
		const mgr = plan.campaignManager;
		if (mgr.name.trim()) answers.manager_name = text(mgr.name, 200);
		if (mgr.role.trim()) answers.manager_role = text(mgr.role, 200);
		if (mgr.email.trim()) answers.manager_email = text(mgr.email, 200);
		const { app } = await insertDraft(tx, actor, {
			callId: call.id,
			organisationId: plan.organisationId,
			screener: null,
			answers,
			title: typeof answers.goal === 'string' ? answers.goal.slice(0, 300) : '',
			source: plan.source
		});
		return { applicationId: app.id, href: `/grants/applications/${app.id}/edit` };
	});
}
