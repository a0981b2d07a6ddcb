import { m } from '#lib/paraglide/messages.js';
import { toLocale } from '../i18n.ts';
import { DIRECTORY_MANAGERS } from '../../roles.ts';
import { hasRole, isStaff, isUser, membershipIn, onNeedToKnowList, type Actor } from '../identity/actor.ts';

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

type Labelled = { id: string; name: string; reference: string; sensitive: boolean };

/**
 * Whether the actor is entitled to a sensitive partner's identity (name, people, country detail,
 * documents): admins, programme officers, the partner's own members, and the staff named on its
 * need-to-know list. Everyone else — reviewers, assessors and finance not on the list, outside
 * reviewers, other partners, the public — gets the neutral reference. Every page and API that
 * names an organisation asks this, through `partnerLabel` or `partnerIdentity`; queries over many
 * rows use the same rule in SQL (`identityEntitled` in scope.ts).
 */
export function entitledToIdentity(actor: Actor, org: { id: string; sensitive: boolean }): boolean {
	if (!org.sensitive) return true;
	if (hasRole(actor, ...DIRECTORY_MANAGERS) || membershipIn(actor, org.id)) return true;
	return isStaff(actor) && onNeedToKnowList(actor, org.id);
}

/** The one labelling rule inside the hub: the name for those entitled, the neutral reference otherwise. */
export function partnerLabel(actor: Actor, org: Labelled): string {
	return entitledToIdentity(actor, org) ? org.name : outsideLabel(org, isUser(actor) ? actor.locale : undefined);
}

/**
 * An organisation record as the actor may see it. Someone not entitled gets only what the
 * neutral reference stands for (no name, description, website or country detail beyond the region).
 */
export function partnerIdentity<T extends Labelled & { region?: string | null }>(actor: Actor, org: T): T | (Labelled & { region: string | null; masked: true }) {
	if (entitledToIdentity(actor, org)) return org;
	return { id: org.id, name: partnerLabel(actor, org), reference: org.reference, sensitive: true, region: org.region ?? null, masked: true };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The words a sensitive partner wrote (an application's title and answers, file names, messages
 * about it) as they may leave the hub: every mention of the partner's name becomes its neutral
 * reference and every mention of one of its people (names and addresses given in `people`)
 * becomes "name withheld". An ordinary partner's words are returned as they are.
 */
export function outsideText<T>(org: Omit<Labelled, 'id'>, value: T, locale?: string, people: string[] = []): T {
	if (!org.sensitive) return value;
	const opts = locale ? { locale: toLocale(locale) } : {};
	const swaps: [RegExp, string][] = [[org.name, outsideLabel(org, locale)] as const, ...people.map((p) => [p, m.name_withheld({}, opts)] as const)]
		.filter(([s]) => s.trim().length >= 3)
		// Longer first, so "Ana Pérez" goes before a bare "Ana".
		.sort((a, b) => b[0].length - a[0].length)
		.map(([s, by]) => [new RegExp(escapeRegExp(s.trim()), 'giu'), by]);
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') return swaps.reduce((t, [re, by]) => t.replace(re, by), v);
		if (Array.isArray(v)) return v.map(walk);
		if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
		return v;
	};
	return walk(value) as T;
}

/**
 * The partner's own words as shown inside the hub to someone who may read its substance but not
 * its identity (see `outsideText`); anyone entitled gets the value as it is.
 */
export function redactIdentity<T>(actor: Actor, org: Labelled, value: T, people: string[] = []): T {
	if (entitledToIdentity(actor, org)) return value;
	return outsideText(org, value, isUser(actor) ? actor.locale : undefined, people);
}
