import type { StrategyView } from './get-strategy.ts';

/** A strategy as the API returns it: its steps' text with their versions, and its lists. */
export function strategyJson(v: StrategyView) {
	return {
		id: v.strategy.id,
		organisationId: v.strategy.organisationId,
		title: v.strategy.title,
		language: v.strategy.language,
		updatedAt: v.strategy.updatedAt,
		role: v.role,
		can: v.can,
		steps: Object.values(v.steps).map((s) => ({ step: s.step, version: s.version, content: s.content, updatedAt: s.updatedAt, updatedBy: s.updatedByName })),
		stakeholders: v.stakeholders.map(({ createdAt: _c, updatedAt: _u, strategyId: _s, ...s }) => s),
		tactics: v.tactics.map(({ createdAt: _c, strategyId: _s, ...t }) => t),
		messages: v.messages.map(({ createdAt: _c, strategyId: _s, ...x }) => x),
		activities: v.activities.map(({ createdAt: _c, updatedAt: _u, strategyId: _s, ...a }) => a),
		monitoring: v.monitoring.map(({ createdAt: _c, createdBy: _b, strategyId: _s, ...e }) => e),
		progress: v.progress
	};
}
