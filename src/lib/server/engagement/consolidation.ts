import type { Criterion } from '../../engagement-codes.ts';
import { favourable, type Level } from './scoring.ts';

/** Assessors this many levels apart on a criterion disagree, and it is flagged. */
export const DISAGREEMENT_SPREAD = 2;

export type CriterionSummary = {
	key: string;
	/** Mean of the known answers, as answered (not yet turned by polarity); null if none. */
	mean: number | null;
	/** Mean turned so that higher is more favourable. */
	favourableMean: number | null;
	/** Highest minus lowest known answer. */
	spread: number;
	disagreement: boolean;
	known: number;
	unknown: number;
};

export function summariseCriterion(criterion: Pick<Criterion, 'key' | 'polarity'>, answers: Level[]): CriterionSummary {
	const known = answers.filter((a): a is number => a !== null && a !== undefined);
	const mean = known.length ? known.reduce((s, l) => s + l, 0) / known.length : null;
	const spread = known.length ? Math.max(...known) - Math.min(...known) : 0;
	return {
		key: criterion.key,
		mean,
		favourableMean: mean === null ? null : favourable(mean, criterion.polarity),
		spread,
		disagreement: spread >= DISAGREEMENT_SPREAD,
		known: known.length,
		unknown: answers.length - known.length
	};
}
