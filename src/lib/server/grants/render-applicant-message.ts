import type { Translated } from './definition.ts';

/**
 * The officer's text in the reader's language. The rule: a language the officer left empty falls
 * back to English (which is required), the subject and the body each on their own.
 */
export function inLanguage(text: Translated, locale: string): string {
	const own = (text as Record<string, string | undefined>)[locale]?.trim();
	return own || text.en;
}

/** Fills the placeholders an officer may use: {organisation}, {call} and {link}. Unknown ones stay as typed. */
export function fillPlaceholders(text: string, values: { organisation: string; call: string; link: string }): string {
	return text.replace(/\{(organisation|call|link)\}/g, (_, k: keyof typeof values) => values[k]);
}

export function renderApplicantMessage(
	msg: { subject: Translated; body: Translated },
	locale: string,
	values: { organisation: string; call: string; link: string }
): { subject: string; text: string } {
	return {
		subject: fillPlaceholders(inLanguage(msg.subject, locale), values).replace(/[\r\n]+/g, ' '),
		text: fillPlaceholders(inLanguage(msg.body, locale), values)
	};
}
