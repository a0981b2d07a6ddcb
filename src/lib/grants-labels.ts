import { m } from '#lib/paraglide/messages.js';
import type { Translated } from './server/grants/definition.ts';

/** A programme's own text in the reader's language, English when it has no translation. */
export function tr(text: Translated | undefined, locale: string): string {
	if (!text) return '';
	return (text as Record<string, string | undefined>)[locale] || text.en;
}

// Stored grant codes → words in the reader's language. Free of zod so pages may import it.

export const applicationStatusLabel = (s: string) =>
	(({
		draft: m.grant_s_draft,
		submitted: m.grant_s_submitted,
		screening: m.grant_s_screening,
		in_review: m.grant_s_in_review,
		more_information: m.grant_s_more_information,
		decision: m.grant_s_decision,
		awarded: m.grant_s_awarded,
		declined: m.grant_s_declined,
		withdrawn: m.grant_s_withdrawn,
		closed: m.grant_s_closed
	}) as Record<string, () => string>)[s]?.() ?? s;

/** What a transition's button says; applicants and staff may see different words. */
export const transitionLabel = (name: string) =>
	(({
		submit: m.grant_t_submit,
		withdraw: m.grant_t_withdraw,
		start_screening: m.grant_t_start_screening,
		send_to_review: m.grant_t_send_to_review,
		request_information: m.grant_t_request_information,
		answer_information: m.grant_t_answer_information,
		advance_stage: m.grant_t_advance_stage,
		to_decision: m.grant_t_to_decision,
		award: m.grant_t_award,
		decline: m.grant_t_decline,
		close: m.grant_t_close
	}) as Record<string, () => string>)[name]?.() ?? name;

export const reportChangeLabel = (c: string) =>
	(({ policy: m.grant_change_policy, regulation: m.grant_change_regulation, practice: m.grant_change_practice }) as Record<string, () => string>)[c]?.() ?? c;

export const assignmentStatusLabel = (s: string) =>
	(({ pending: m.grant_a_pending, clear: m.grant_a_clear, conflict: m.grant_a_conflict, reviewed: m.grant_a_reviewed }) as Record<string, () => string>)[s]?.() ?? s;

// Building an Intl formatter costs far more than using one: long tables reuse them.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
	let f = formatters.get(key) as T | undefined;
	if (!f) formatters.set(key, (f = make()));
	return f;
}

export const money = (amount: number, currency: string, locale: string) =>
	formatter(`n|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 })).format(amount);

/** A calendar date (YYYY-MM-DD) shown as the date it is, whatever the reader's time zone. */
export const calendarDate = (iso: string, locale: string) =>
	formatter(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(`${iso}T00:00:00Z`));
