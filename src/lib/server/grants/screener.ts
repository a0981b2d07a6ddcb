import { tr, type Screener } from './definition.ts';

export type ScreenerResult = { eligible: boolean; failed: { id: string; question: string; reason: string }[] };

/**
 * Eligibility is decided by the screener's qualifying answers alone: a question left unanswered
 * fails like a non-qualifying answer, and the applicant is told which condition and why.
 */
export function evaluateScreener(screener: Screener, answers: Record<string, string | undefined>, locale: string): ScreenerResult {
	const failed = screener.questions
		.filter((q) => !q.qualifying.includes(answers[q.id] ?? ''))
		.map((q) => ({ id: q.id, question: tr(q.text, locale), reason: tr(q.failReason, locale) }));
	return { eligible: failed.length === 0, failed };
}
