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
