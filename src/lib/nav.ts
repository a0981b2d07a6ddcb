import type { Role } from './roles.ts';
import { STAFF_ROLES } from './roles.ts';

/**
 * The main navigation. A capability adds its entry here; `show` decides from the viewer's role
 * (null when signed out). Labels are message keys so the menu follows the language.
 */
export type NavEntry = { href: string; label: 'nav_directory' | 'nav_admin_users' | 'nav_outbox' | 'nav_api' | 'grant_nav' | 'grant_nav_calls'; show: (role: Role | null) => boolean };

export const NAV: NavEntry[] = [
	{ href: '/directory', label: 'nav_directory', show: (r) => r !== null },
	{ href: '/grants', label: 'grant_nav', show: (r) => r !== null },
	{ href: '/calls', label: 'grant_nav_calls', show: () => true },
	{ href: '/admin/users', label: 'nav_admin_users', show: (r) => r === 'admin' },
	{ href: '/admin/outbox', label: 'nav_outbox', show: (r) => r === 'admin' },
	{ href: '/settings/tokens', label: 'nav_api', show: (r) => r !== null && STAFF_ROLES.includes(r) }
];
