import type { Role } from './roles.ts';
import { DIRECTORY_MANAGERS, STAFF_ROLES } from './roles.ts';
import { m } from './paraglide/messages.js';
import { getLocale } from './paraglide/runtime.js';

/**
 * The main navigation, in groups. A capability adds its entry to a group here; `show` decides
 * from the viewer's role (null when signed out), so each role sees its own groups. A group with
 * one entry left for a role is shown as that plain link. Labels are message functions, so the
 * menu follows the language and a page bundles only these messages (looking a message up by
 * its key would bundle all of them).
 */
export type NavEntry = { href: string; label: () => string; show: (role: Role | null) => boolean };
export type NavGroup = { id: string; label: () => string; entries: NavEntry[] };
export type ShownGroup = { id: string; label: string; entries: { href: string; label: string }[] };

const anyone = () => true;
const signedIn = (r: Role | null) => r !== null;
const staff = (r: Role | null) => r !== null && STAFF_ROLES.includes(r);
const programme = (r: Role | null) => r !== null && DIRECTORY_MANAGERS.includes(r);
const admin = (r: Role | null) => r === 'admin';

export const NAV: NavGroup[] = [
	{
		id: 'partners',
		label: m.nav_group_partners,
		entries: [
			{ href: '/directory', label: m.nav_directory, show: signedIn },
			{ href: '/partners', label: m.partners_nav, show: anyone }
		]
	},
	{
		id: 'support',
		label: m.nav_group_support,
		entries: [
			{ href: '/requests', label: m.eng_nav_requests, show: signedIn },
			{ href: '/events', label: m.nav_events, show: anyone },
			{ href: '/toolkit', label: m.toolkit_nav, show: signedIn }
		]
	},
	{
		id: 'grants',
		label: m.grant_nav,
		entries: [
			{ href: '/grants', label: m.nav_grant_applications, show: signedIn },
			{ href: '/calls', label: m.grant_nav_calls, show: anyone }
		]
	},
	{
		id: 'resources',
		label: m.nav_group_resources,
		entries: [
			{ href: '/library', label: m.toolkit_nav_library, show: anyone },
			{ href: '/faq', label: m.toolkit_nav_faq, show: anyone }
		]
	},
	{
		id: 'staff',
		label: m.nav_group_staff,
		entries: [
			{ href: '/inbox', label: m.nav_inbox, show: programme },
			{ href: '/events/manage', label: m.nav_manage_events, show: programme },
			{ href: '/insight', label: m.insight_nav, show: staff },
			{ href: '/settings/tokens', label: m.nav_api, show: staff }
		]
	},
	{
		id: 'admin',
		label: m.nav_group_admin,
		entries: [
			{ href: '/admin/users', label: m.nav_admin_users, show: admin },
			{ href: '/admin/outbox', label: m.nav_outbox, show: admin },
			{ href: '/admin/retention', label: m.privacy_retention_nav, show: admin },
			{ href: '/admin/audit', label: m.audit_nav, show: admin }
		]
	},
	{
		id: 'contact',
		label: m.nav_contact,
		entries: [{ href: '/contact', label: m.nav_contact, show: (r) => r === null || r === 'member' }]
	}
];

// Every page draws the navigation: each language and role's groups are worked out once (a few
// dozen message look-ups each), and shared read-only between requests.
const shown = new Map<string, readonly ShownGroup[]>();

/** The groups a role sees, with their labels in the current language; empty groups are left out. */
export function navFor(role: Role | null): readonly ShownGroup[] {
	const key = `${getLocale()} ${role}`;
	let groups = shown.get(key);
	if (!groups) {
		groups = NAV.flatMap((g) => {
			const entries = g.entries.filter((e) => e.show(role)).map((e) => ({ href: e.href, label: e.label() }));
			return entries.length ? [{ id: g.id, label: g.label(), entries }] : [];
		});
		shown.set(key, groups);
	}
	return groups;
}

/** The entry a path belongs to: the longest matching address, so /events/manage is not also /events. */
export function currentHref(groups: readonly ShownGroup[], pathname: string): string | null {
	let best: string | null = null;
	for (const g of groups)
		for (const e of g.entries)
			if ((pathname === e.href || pathname.startsWith(e.href + '/')) && (!best || e.href.length > best.length)) best = e.href;
	return best;
}
