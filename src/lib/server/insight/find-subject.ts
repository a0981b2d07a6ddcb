import { and, eq, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { IndicatorSubject } from '../../insight/codes.ts';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { partnerLabel } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { DomainError } from '../errors.ts';
import { grantApplications, grantAwards } from '../grants/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { strategies, strategySteps } from '../toolkit/schema.ts';
import { canSeeOutcomes } from './policies.ts';

export type Subject = {
	type: IndicatorSubject;
	id: string;
	organisationId: string;
	organisationName: string;
	title: string;
	/** The SMART goal the indicators measure. */
	goal: string;
	/** Indicators belong to invested requests, awarded grants and strategies; others may not get new ones. */
	open: boolean;
	link: string;
};

async function load(db: DbOrTx, type: IndicatorSubject, id: string): Promise<Omit<Subject, 'organisationName'> | undefined> {
	if (type === 'request') {
		const [r] = await db.select().from(engagementRequests).where(eq(engagementRequests.id, id)).limit(1);
		return r && { type, id, organisationId: r.organisationId, title: r.goal, goal: r.goal, open: r.decision === 'invest', link: `/requests/${r.id}` };
	}
	if (type === 'grant') {
		const [g] = await db
			.select({ award: grantAwards, app: grantApplications })
			.from(grantAwards)
			.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
			.where(eq(grantAwards.id, id))
			.limit(1);
		const goal = g && typeof g.app.answers.goal === 'string' ? g.app.answers.goal : (g?.app.title ?? '');
		return g && { type, id, organisationId: g.app.organisationId, title: g.app.title || goal, goal, open: !g.award.closedAt, link: `/grants/applications/${g.app.id}` };
	}
	const [s] = await db
		.select({ s: strategies, goal: sql<string | null>`${strategySteps.content}->>'goal'` })
		.from(strategies)
		.leftJoin(strategySteps, and(eq(strategySteps.strategyId, strategies.id), eq(strategySteps.step, 2)))
		.where(eq(strategies.id, id))
		.limit(1);
	return s && { type, id, organisationId: s.s.organisationId, title: s.s.title, goal: s.goal ?? '', open: true, link: `/toolkit/${s.s.id}` };
}

/** The request, grant or strategy an indicator hangs on, if the actor may see its outcomes. */
export async function findSubject(db: DbOrTx, actor: Actor, type: string, id: string): Promise<Subject> {
	if (!['request', 'grant', 'strategy'].includes(type) || !isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const s = await load(db, type as IndicatorSubject, id);
	// Someone who may not see the partner's outcomes learns nothing, not even that the record exists.
	if (!s || !canSeeOutcomes(actor, s.organisationId).allowed) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [org] = await db.select({ id: organisations.id, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive }).from(organisations).where(eq(organisations.id, s.organisationId));
	ensure(canSeeOutcomes(actor, s.organisationId));
	return { ...s, organisationName: partnerLabel(actor, org) };
}
