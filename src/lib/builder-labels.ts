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
		archive: m.builder_a_archive
	}) as Record<string, () => string>)[a]?.() ?? a;

export const languageName = (l: string) => (({ en: 'English', es: 'Español', fr: 'Français' }) as Record<string, string>)[l] ?? l;
