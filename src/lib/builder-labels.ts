import { m } from '#lib/paraglide/messages.js';

// The call builder's stored codes → words in the reader's language. Free of zod so pages may import it.

export const fieldTypeLabel = (t: string) =>
	(({
		short_text: m.builder_type_short_text,
		long_text: m.builder_type_long_text,
		number: m.builder_type_number,
		money: m.builder_type_money,
		date: m.builder_type_date,
		single_choice: m.builder_type_single_choice,
		multiple_choice: m.builder_type_multiple_choice,
		file: m.builder_type_file,
		rows: m.builder_type_rows
	}) as Record<string, () => string>)[t]?.() ?? t;

export const callStatusLabel = (s: string) =>
	(({ draft: m.builder_s_draft, open: m.builder_s_open, closed: m.builder_s_closed, archived: m.builder_s_archived }) as Record<string, () => string>)[s]?.() ?? s;

export const callTransitionLabel = (t: string) =>
	(({ open: m.builder_t_open, close: m.builder_t_close, reopen: m.builder_t_reopen, archive: m.builder_t_archive }) as Record<string, () => string>)[t]?.() ?? t;

export const callActivityLabel = (a: string) =>
	(({
		created: m.builder_a_created,
		updated: m.builder_a_updated,
		copied: m.builder_a_copied,
		open: m.builder_a_open,
		close: m.builder_a_close,
		reopen: m.builder_a_reopen,
		archive: m.builder_a_archive,
		published: m.builder_a_published,
		open_refused: m.builder_a_open_refused
	}) as Record<string, () => string>)[a]?.() ?? a;

/** The name of a changed part of a call, as the history shows it. */
export const callPartLabel = (k: string) =>
	(({
		title: m.builder_call_title,
		summary: m.builder_call_summary,
		slug: m.builder_call_slug,
		rolling: m.builder_rolling,
		opensAt: m.builder_opens_at,
		closesAt: m.builder_closes_at,
		scheduled: m.builder_scheduled,
		currency: m.builder_currency,
		budget: m.builder_budget,
		maxAward: m.builder_max_award,
		languages: m.builder_languages,
		whoMayApply: m.builder_who_may_apply,
		screener: m.builder_screener,
		stages: m.grant_stages,
		decisionTargetDays: m.builder_decision_days,
		reportMonths: m.builder_report_months,
		status: m.builder_status,
		publishedVersion: m.builder_versions
	}) as Record<string, () => string>)[k]?.() ?? k;

/** A logged value in a few words: texts in the reader's language, long ones cut. */
export function loggedValue(v: unknown, locale: string): string {
	if (v === null || v === undefined || v === '') return '—';
	if (typeof v === 'object' && !Array.isArray(v) && 'en' in (v as object)) {
		const t = v as Record<string, string | undefined>;
		v = t[locale] || t.en;
	}
	const text = typeof v === 'string' ? v : JSON.stringify(v);
	return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export const languageName = (l: string) => (({ en: 'English', es: 'Español', fr: 'Français' }) as Record<string, string>)[l] ?? l;

type DiffValue = string | number | boolean | null | string[];
type VersionChangeView = {
	area: 'call' | 'screener' | 'stage' | 'form' | 'rubric';
	stage?: { en: string; es?: string; fr?: string };
	item?: { kind: string; id: string; label: { en: string; es?: string; fr?: string } };
	change: 'added' | 'removed' | 'archived' | 'restored' | 'retyped' | 'changed';
	part?: string;
	language?: string;
	from?: DiffValue;
	to?: DiffValue;
};
const pick = (t: { en: string; es?: string; fr?: string } | undefined, locale: string) => (t ? (t as Record<string, string | undefined>)[locale] || t.en : '');

/** The name of a setting or text that changed between two versions of a call. */
function changedPartLabel(c: VersionChangeView): string {
	const p = c.part ?? '';
	if (p === 'label') return c.item?.kind === 'criterion' ? m.builder_criterion_label() : m.builder_field_label();
	if (p === 'title' && c.item?.kind === 'section') return m.builder_section_title();
	const labels: Record<string, () => string> = {
		help: m.builder_help,
		text: m.builder_question_text,
		failReason: m.builder_fail_reason,
		options: m.builder_options,
		qualifying: m.builder_qualifying,
		name: m.builder_stage_name,
		reviewers: m.builder_reviewers,
		reviewCount: m.builder_review_count,
		advance: m.builder_advance_percent,
		weight: m.builder_weight,
		maxPoints: m.builder_max_points,
		required: m.builder_required,
		min: m.builder_min,
		max: m.builder_max,
		maxLength: m.builder_max_length,
		notPast: m.builder_not_past,
		minRows: m.builder_min_rows,
		maxRows: m.builder_max_rows,
		maxBytes: m.builder_max_bytes,
		identifying: m.builder_identifying,
		titleField: m.builder_title_field,
		amount: m.builder_amount_field,
		justificationField: m.builder_justification_field,
		timeZone: m.field_time_zone,
		type: m.builder_field_type
	};
	return labels[p]?.() ?? callPartLabel(p);
}

const diffValue = (v: DiffValue | undefined, part: string | undefined): string => {
	if (v === null || v === undefined || v === '') return '—';
	if (typeof v === 'boolean') return v ? m.call_diff_yes() : m.call_diff_no();
	if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
	return part === 'type' ? fieldTypeLabel(String(v)) : String(v);
};

/** Where a change between two versions of a call sits: the call, its screener, or a stage's form or rubric. */
export function versionChangePlace(c: VersionChangeView, locale: string): string {
	const area = { call: m.builder_call, screener: m.builder_screener, stage: m.grant_stages, form: m.builder_form, rubric: m.builder_rubric }[c.area]();
	const stage = c.stage && c.area !== 'stage' ? ` · ${pick(c.stage, locale)}` : '';
	const item = c.item ? ` · ${pick(c.item.label, locale)} (${c.item.id})` : '';
	return `${area}${stage}${item}`;
}

/** How it changed, in the reader's language: added, removed, archived, or "setting (language): before → after". */
export function versionChangeText(c: VersionChangeView): string {
	if (c.change === 'added') return c.to ? `${m.call_diff_added()} (${diffValue(c.to, 'type')})` : m.call_diff_added();
	if (c.change === 'removed') return c.from ? `${m.call_diff_removed()} (${diffValue(c.from, 'type')})` : m.call_diff_removed();
	if (c.change === 'archived') return m.call_diff_archived();
	if (c.change === 'restored') return m.call_diff_restored();
	const field = `${changedPartLabel(c)}${c.language ? ` (${languageName(c.language)})` : ''}`;
	return m.builder_history_from_to({ field, from: diffValue(c.from, c.part), to: diffValue(c.to, c.part) });
}
