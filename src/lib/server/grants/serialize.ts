import type { grantApplications, grantCalls } from './schema.ts';

/** An application as the API shows it: no screener internals or clock bookkeeping. */
export function applicationJson(a: Omit<typeof grantApplications.$inferSelect, 'search'>) {
	return {
		id: a.id,
		callId: a.callId,
		organisationId: a.organisationId,
		status: a.status,
		stage: a.stageIndex + 1,
		version: a.version,
		revision: a.revision,
		title: a.title,
		answers: a.answers,
		answersVersion: a.answersVersion,
		answersSavedAt: a.answersSavedAt?.toISOString() ?? null,
		requestedAmount: a.requestedAmount,
		infoRequest: a.infoRequest,
		decisionMessage: a.decisionMessage,
		submittedAt: a.submittedAt?.toISOString() ?? null,
		decisionDueAt: a.decisionDueAt?.toISOString() ?? null,
		updatedAt: a.updatedAt.toISOString()
	};
}

export function callJson(c: typeof grantCalls.$inferSelect) {
	return {
		id: c.id,
		slug: c.slug,
		title: c.title,
		summary: c.summary,
		rolling: c.rolling,
		opensAt: c.opensAt?.toISOString() ?? null,
		closesAt: c.closesAt?.toISOString() ?? null,
		timeZone: c.timeZone,
		currency: c.currency,
		budget: c.budget,
		maxAward: c.maxAward,
		languages: c.languages,
		whoMayApply: c.whoMayApply,
		screener: c.screener,
		stages: c.stages,
		decisionTargetDays: c.decisionTargetDays
	};
}
