import { m } from '#lib/paraglide/messages.js';
import { countryName, languageName } from '../countries.ts';
import { kindLabel, regionLabel } from '../labels.ts';
import { OUTCOME_STATUSES, type OutcomeStatus } from './codes.ts';
import { impactAreaLabel, outcomeStatusLabel } from './labels.ts';
import { FUNNEL_STEPS, type InsightDimension, type InsightTable } from './report-codes.ts';
import { roundDays, sharePercent } from './stats.ts';

// The tables of /insight, built once from the figures: the page shows them (each with its chart)
// and the exports write the very same rows. Shapes only; no database and no zod, so pages may use it.

type Translated = { en: string; es?: string; fr?: string };
export type Cell = string | number | null;
export type ChartSpec = { title: string; desc: string; labels: string[]; series: { name: string; values: number[] }[] };
export type ReportTable = { id: InsightTable; caption: string; header: string[]; rows: Cell[][]; chart?: ChartSpec; note?: string };

type SupportRow = { key: string; requests: number; decisions: number; invested: number; grants: number; trainings: number; registrations: number; attended: number; strategies: number; outcomes: number; achieved: number };
type MoneyRow = { key: string; currency: string; grants: number; awarded: number; disbursed: number };
type AreaRow = { area: string; total: number } & Partial<Record<OutcomeStatus, number>>;
type CallRow = { id: string; title: Translated; currency: string; budget: number; awarded: number; disbursed: number; remaining: number; started: number; submitted: number; screened: number; reviewed: number; awardedCount: number; targetDays: number | null; decided: number; medianDays: number | null; p90Days: number | null; dueDecided: number; withinTarget: number };
type ReviewerRow = { callId: string; callTitle: Translated; reviewer: string; assigned: number; reviewed: number; pending: number; conflicts: number };
type ReachRow = { by: 'format' | 'level' | 'language'; code: string; name: Translated | null; trainings: number; registrations: number; heldPlaces: number; attended: number; feedback: number; meanRating: number | null };

export type InsightFigures = {
	query: { by: InsightDimension };
	support: { rows: SupportRow[]; total: SupportRow };
	grants: { rows: MoneyRow[]; totals: MoneyRow[] };
	outcomes: AreaRow[];
	calls: CallRow[];
	reviewers: ReviewerRow[];
	training: ReachRow[];
	areas: { code: string; name: string | null }[];
	/** When the funnel's roll-up was last brought up to date. */
	rollupsAsOf?: Date | string | null;
};

export function groupLabel(by: InsightDimension, key: string, locale: string): string {
	if (key === '') return m.insight_r_unknown();
	if (by === 'country') return countryName(key, locale);
	if (by === 'region') return regionLabel(key);
	if (by === 'kind') return kindLabel(key);
	return key;
}

export const dimensionLabel = (by: InsightDimension) =>
	({ country: m.field_country, region: m.field_region, kind: m.insight_r_partner_kind, year: m.insight_r_year })[by]();

const numberFormats = new Map<string, Intl.NumberFormat>();

/** The report's number format in one language (at most one decimal), made once per language: making one costs more than using it. */
export function numberFormat(locale: string): Intl.NumberFormat {
	let f = numberFormats.get(locale);
	if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
	return f;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** When figures were computed or read, in the reader's language (UTC); the format is made once per language. */
export function reportTime(at: Date | string, locale: string): string {
	let f = timeFormats.get(locale);
	if (!f) timeFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })));
	return f.format(new Date(at));
}

/** A text stored in several languages, in the reader's language or else English. */
export const pick = (t: Translated | null | undefined, locale: string): string => (t ? t[locale as keyof Translated] || t.en : '');

const supportCaption = (by: InsightDimension) =>
	({ country: m.insight_t_support_country, region: m.insight_t_support_region, kind: m.insight_t_support_kind, year: m.insight_t_support_year })[by]();
const grantsCaption = (by: InsightDimension) =>
	({ country: m.insight_t_grants_country, region: m.insight_t_grants_region, kind: m.insight_t_grants_kind, year: m.insight_t_grants_year })[by]();

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function reportTables(f: InsightFigures, locale: string): ReportTable[] {
	const by = f.query.by;
	const dim = dimensionLabel(by);
	const label = (key: string) => groupLabel(by, key, locale);

	const supportRow = (r: SupportRow, name: string): Cell[] => [name, r.requests, r.decisions, r.invested, r.grants, r.trainings, r.registrations, r.attended, r.strategies, r.outcomes, r.achieved];
	const topSupport = f.support.rows.slice(0, 12);
	const support: ReportTable = {
		id: 'support',
		caption: supportCaption(by),
		header: [dim, m.insight_c_requests(), m.insight_c_decisions(), m.insight_c_invested(), m.insight_c_grants(), m.insight_c_trainings(), m.insight_c_registrations(), m.insight_c_attended(), m.insight_c_strategies(), m.insight_c_outcomes(), m.insight_c_achieved()],
		rows: [...f.support.rows.map((r) => supportRow(r, label(r.key))), supportRow(f.support.total, m.insight_r_total())],
		note: m.insight_n_support(),
		chart: {
			title: supportCaption(by),
			desc: m.insight_ch_support_desc(),
			labels: topSupport.map((r) => label(r.key)),
			series: [
				{ name: m.insight_c_requests(), values: topSupport.map((r) => r.requests) },
				{ name: m.insight_c_grants(), values: topSupport.map((r) => r.grants) },
				{ name: m.insight_c_attended(), values: topSupport.map((r) => r.attended) }
			]
		}
	};

	const grants: ReportTable = {
		id: 'grants',
		caption: grantsCaption(by),
		header: [dim, m.insight_c_currency(), m.insight_c_grants(), m.insight_c_awarded(), m.insight_c_disbursed()],
		rows: [
			...f.grants.rows.map((r) => [label(r.key), r.currency, r.grants, r.awarded, r.disbursed]),
			...f.grants.totals.map((r) => [m.insight_r_total(), r.currency, r.grants, r.awarded, r.disbursed])
		],
		note: m.insight_n_grants()
	};

	const statusTotals = OUTCOME_STATUSES.map((s) => f.outcomes.reduce((sum, r) => sum + (r[s] ?? 0), 0));
	const outcomes: ReportTable = {
		id: 'outcomes',
		caption: m.insight_t_outcomes(),
		header: [m.insight_f_area(), ...OUTCOME_STATUSES.map((s) => outcomeStatusLabel(s)), m.insight_r_total()],
		rows: [
			...f.outcomes.map((r) => [impactAreaLabel(r.area, f.areas), ...OUTCOME_STATUSES.map((s) => r[s] ?? 0), r.total]),
			[m.insight_r_total(), ...statusTotals, f.outcomes.reduce((sum, r) => sum + r.total, 0)]
		],
		note: m.insight_n_outcomes(),
		chart: { title: m.insight_ch_outcomes(), desc: m.insight_ch_outcomes_desc(), labels: OUTCOME_STATUSES.map((s) => outcomeStatusLabel(s)), series: [{ name: m.insight_c_outcomes(), values: statusTotals }] }
	};

	const calls: ReportTable = {
		id: 'calls',
		caption: m.insight_t_calls(),
		header: [m.insight_c_call(), m.insight_c_currency(), m.insight_c_budget(), m.insight_c_awarded(), m.insight_c_disbursed(), m.insight_c_remaining(), m.insight_c_target_days(), m.insight_c_decided(), m.insight_c_median_days(), m.insight_c_p90_days(), m.insight_c_within_target()],
		rows: f.calls.map((c) => [pick(c.title, locale), c.currency, c.budget, c.awarded, c.disbursed, c.remaining, c.targetDays, c.decided, roundDays(c.medianDays), roundDays(c.p90Days), sharePercent(c.withinTarget, c.dueDecided)]),
		note: m.insight_n_calls(),
		chart: {
			title: m.insight_ch_time(),
			desc: m.insight_ch_time_desc(),
			labels: f.calls.filter((c) => c.decided).map((c) => pick(c.title, locale)),
			series: [
				{ name: m.insight_c_median_days(), values: f.calls.filter((c) => c.decided).map((c) => round1(c.medianDays) ?? 0) },
				{ name: m.insight_c_p90_days(), values: f.calls.filter((c) => c.decided).map((c) => round1(c.p90Days) ?? 0) },
				{ name: m.insight_c_target_days(), values: f.calls.filter((c) => c.decided).map((c) => c.targetDays ?? 0) }
			]
		}
	};

	const stepLabel = (s: (typeof FUNNEL_STEPS)[number]) => ({ started: m.insight_step_started, submitted: m.insight_step_submitted, screened: m.insight_step_screened, reviewed: m.insight_step_reviewed, awarded: m.insight_step_awarded })[s]();
	const stepValue = (c: CallRow, s: (typeof FUNNEL_STEPS)[number]) => (s === 'awarded' ? c.awardedCount : c[s]);
	const funnel: ReportTable = {
		id: 'funnel',
		caption: m.insight_t_funnel(),
		header: [m.insight_c_call(), ...FUNNEL_STEPS.map(stepLabel)],
		rows: f.calls.map((c) => [pick(c.title, locale), ...FUNNEL_STEPS.map((s) => stepValue(c, s))]),
		note: f.rollupsAsOf ? `${m.insight_n_funnel()} ${m.insight_n_funnel_asof({ time: reportTime(f.rollupsAsOf, locale) })}` : m.insight_n_funnel(),
		chart: { title: m.insight_ch_funnel(), desc: m.insight_ch_funnel_desc(), labels: FUNNEL_STEPS.map(stepLabel), series: [{ name: m.insight_c_applications(), values: FUNNEL_STEPS.map((s) => f.calls.reduce((sum, c) => sum + stepValue(c, s), 0)) }] }
	};

	const reviewers: ReportTable = {
		id: 'reviewers',
		caption: m.insight_t_reviewers(),
		header: [m.insight_c_call(), m.insight_c_reviewer(), m.insight_c_assigned(), m.insight_c_reviewed(), m.insight_c_pending(), m.insight_c_conflicts()],
		rows: f.reviewers.map((r) => [pick(r.callTitle, locale), r.reviewer, r.assigned, r.reviewed, r.pending, r.conflicts])
	};

	const reachLabel = (r: ReachRow) => (r.code === '' ? m.insight_r_unknown() : r.by === 'language' ? languageName(r.code, locale) : r.name ? pick(r.name, locale) : r.code);
	const byLabel = (b: ReachRow['by']) => ({ format: m.insight_r_format, level: m.insight_r_level, language: m.insight_r_language })[b]();
	const formats = f.training.filter((r) => r.by === 'format');
	const training: ReportTable = {
		id: 'training',
		caption: m.insight_t_training(),
		header: [m.insight_c_breakdown(), m.insight_c_value(), m.insight_c_trainings(), m.insight_c_registrations(), m.insight_c_attended(), m.insight_c_attendance_rate(), m.insight_c_feedback(), m.insight_c_mean_rating()],
		rows: f.training.map((r) => [byLabel(r.by), reachLabel(r), r.trainings, r.registrations, r.attended, sharePercent(r.attended, r.heldPlaces), r.feedback, round1(r.meanRating)]),
		note: m.insight_n_training(),
		chart: {
			title: m.insight_ch_training(),
			desc: m.insight_ch_training_desc(),
			labels: formats.map(reachLabel),
			series: [
				{ name: m.insight_c_registrations(), values: formats.map((r) => r.registrations) },
				{ name: m.insight_c_attended(), values: formats.map((r) => r.attended) }
			]
		}
	};
	return [support, grants, outcomes, funnel, calls, reviewers, training];
}
