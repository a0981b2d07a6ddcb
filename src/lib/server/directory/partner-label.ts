import { m } from '#lib/paraglide/messages.js';
import { toLocale } from '../i18n.ts';

/**
 * The name to use where it leaves the hub (e-mails, calendar files, exports, public pages):
 * a sensitive partner is named only by its neutral reference.
 */
export function outsideLabel(org: { name: string; reference: string; sensitive: boolean }, locale?: string): string {
	return org.sensitive ? m.partner_reference({ reference: org.reference }, locale ? { locale: toLocale(locale) } : {}) : org.name;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newReference(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	return 'SH-' + Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}
