import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { memberships } from '../directory/schema.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { toLocale } from '../i18n.ts';
import { users } from '../identity/schema.ts';
import { queueMail } from '../mail/mailer.ts';
import { tr, type Translated } from './definition.ts';

// Grant mails name the call and point to the hub; amounts, reviews and answers stay in the hub,
// and a sensitive partner is named only by its reference.

export type GrantMailKind = 'submitted' | 'more_information' | 'decision' | 'report_due' | 'clock_alert' | 'call_closed';

type Ctx = {
	callTitle: Translated;
	org: { name: string; reference: string; sensitive: boolean };
	url: string;
	dueDate?: string;
};

export function grantMail(kind: GrantMailKind, locale: string, c: Ctx) {
	const o = { locale: toLocale(locale) };
	const call = tr(c.callTitle, o.locale);
	const organisation = outsideLabel(c.org, o.locale);
	const p = { call, organisation, url: c.url, date: c.dueDate ?? '' };
	switch (kind) {
		case 'submitted':
			return { subject: m.grant_mail_submitted_subject(p, o), text: m.grant_mail_submitted_body(p, o) };
		case 'more_information':
			return { subject: m.grant_mail_info_subject(p, o), text: m.grant_mail_info_body(p, o) };
		case 'decision':
			return { subject: m.grant_mail_decision_subject(p, o), text: m.grant_mail_decision_body(p, o) };
		case 'report_due':
			return { subject: m.grant_mail_report_subject(p, o), text: m.grant_mail_report_body(p, o) };
		case 'clock_alert':
			return { subject: m.grant_mail_clock_subject(p, o), text: m.grant_mail_clock_body(p, o) };
		case 'call_closed':
			return { subject: m.builder_mail_closed_subject(p, o), text: m.builder_mail_closed_body(p, o) };
	}
}

/** Mails every member of the applying organisation, each in their own language. */
export async function mailApplicants(tx: DbOrTx, organisationId: string, kind: GrantMailKind, c: Ctx) {
	const rows = await tx
		.select({ email: users.email, locale: users.locale })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.organisationId, organisationId));
	for (const r of rows) await queueMail(tx, { kind: `grant_${kind}`, to: r.email, locale: r.locale, ...grantMail(kind, r.locale, c) });
	return rows.length;
}

export async function mailUser(tx: DbOrTx, userId: string, kind: GrantMailKind, c: Ctx) {
	const [u] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
	if (!u) return 0;
	await queueMail(tx, { kind: `grant_${kind}`, to: u.email, locale: u.locale, ...grantMail(kind, u.locale, c) });
	return 1;
}

let base = 'http://localhost:3000';
/** The hub's public address, for links in mails; set once at start. */
export function setGrantBaseUrl(url: string) {
	base = url.replace(/\/$/, '');
}
export const grantLink = (path: string) => `${base}${path}`;
