import type { Criterion, Gate, GateState } from '../../engagement-codes.ts';
import { favourable } from './scoring.ts';

/**
 * The physical-security gate. It is judged on the most cautious assessor's answer: one
 * assessor who sees danger is enough to require a safety plan, whatever the total says.
 * Unknown when no assessor could answer.
 */
export function gateState(
	gate: Gate | null,
	criteria: Pick<Criterion, 'key' | 'polarity'>[],
	answers: (number | null | undefined)[]
): GateState {
	if (!gate) return 'clear';
	const criterion = criteria.find((c) => c.key === gate.criterion);
	if (!criterion) return 'clear';
	const known = answers.filter((a): a is number => a !== null && a !== undefined);
	if (!known.length) return 'unknown';
	const worst = Math.min(...known.map((l) => favourable(l, criterion.polarity)));
	return worst <= gate.atOrBelow ? 'blocked' : 'clear';
}
