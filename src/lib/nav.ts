import type { Role } from './roles.ts';
import { STAFF_ROLES } from './roles.ts';
import { m } from './paraglide/messages.js';

/**
 * The main navigation. A capability adds its entry here; `show` decides from the viewer's role
 * (null when signed out). Labels are message functions, so the menu follows the language and a
 * page bundles only these messages (looking a message up by its key would bundle all of them).
 */
export type NavEntry = { href: string; label: () => string; show: (role: Role | null) => boolean };

export const NAV: NavEntry[] = [
	{ href: '/directory', label: m.nav_directory, show: (r) => r !== null },
	{ href: '/requests', label: m.eng_nav_requests, show: (r) => r !== null },
	{ href: '/grants', label: m.grant_nav, show: (r) => r !== null },
	{ href: '/calls', label: m.grant_nav_calls, show: () => true },
	{ href: '/events', label: m.nav_events, show: () => true },
	{ href: '/insight', label: m.insight_nav, show: (r) => r !== null && STAFF_ROLES.includes(r) },
	{ href: '/toolkit', label: m.toolkit_nav, show: (r) => r !== null },
	{ href: '/partners', label: m.partners_nav, show: () => true },
	{ href: '/library', label: m.toolkit_nav_library, show: () => true },
	{ href: '/faq', label: m.toolkit_nav_faq, show: () => true },
	{ href: '/admin/users', label: m.nav_admin_users, show: (r) => r === 'admin' },
	{ href: '/admin/outbox', label: m.nav_outbox, show: (r) => r === 'admin' },
	{ href: '/admin/retention', label: m.privacy_retention_nav, show: (r) => r === 'admin' },
	{ href: '/admin/audit', label: m.audit_nav, show: (r) => r === 'admin' },
	{ href: '/settings/tokens', label: m.nav_api, show: (r) => r !== null && STAFF_ROLES.includes(r) }
];
