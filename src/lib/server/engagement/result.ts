import type { Band, Criterion, Gate, GateState } from '../../engagement-codes.ts';
import { bandFor } from './bands.ts';
import { summariseCriterion, type CriterionSummary } from './consolidation.ts';
import { gateState } from './gate.ts';
import { favourable, weightedScore, type Level } from './scoring.ts';
import { weightSensitivity, type Sensitivity } from './sensitivity.ts';

export type SetRules = { criteria: Criterion[]; bands: Band[]; gate: Gate | null };
export type SubmittedScores = Record<string, Level | undefined>;

export type Result = {
	assessors: number;
	criteria: CriterionSummary[];
	score: number | null;
	band: string | null;
	gate: GateState;
	/** Criteria some assessor could not answer, with how many could not. */
	gaps: { key: string; unknown: number }[];
	sensitivity: Sensitivity[];
};

/** Combines the submitted assessments of one request under the rules of its criteria version. */
export function consolidate(set: SetRules, assessments: SubmittedScores[]): Result {
	const criteria = set.criteria.map((c) =>
		summariseCriterion(c, assessments.map((a) => a[c.key] ?? null))
	);
	const means = Object.fromEntries(criteria.map((s) => [s.key, s.mean]));
	const { score } = assessments.length ? weightedScore(set.criteria, means) : { score: null };
	const favourableMeans = Object.fromEntries(
		set.criteria.map((c) => [c.key, means[c.key] === null ? null : favourable(means[c.key] as number, c.polarity)])
	);
	return {
		assessors: assessments.length,
		criteria,
		score,
		band: bandFor(score, set.bands)?.code ?? null,
		gate: assessments.length ? gateState(set.gate, set.criteria, assessments.map((a) => (set.gate ? a[set.gate.criterion] : null))) : 'unknown',
		gaps: criteria.filter((s) => s.unknown > 0).map((s) => ({ key: s.key, unknown: s.unknown })),
		sensitivity: score === null ? [] : weightSensitivity(set.criteria, favourableMeans, set.bands)
	};
}
