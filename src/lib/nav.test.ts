import { describe, expect, it } from 'vitest';
import { currentHref, navFor } from './nav.ts';

const hrefs = (role: Parameters<typeof navFor>[0]) => navFor(role).flatMap((g) => g.entries.map((e) => e.href));

describe('navigation grouped by role', () => {
	it('a visitor sees the public offer and the contact form, no staff or partner pages', () => {
		expect(hrefs(null)).toEqual(['/partners', '/events', '/calls', '/library', '/faq', '/contact']);
	});

	it('programme officers reach the contact inbox and manage training from the staff group', () => {
		const staff = navFor('programme_officer').find((g) => g.id === 'staff');
		expect(staff?.entries.map((e) => e.href)).toEqual(['/inbox', '/events/manage', '/insight', '/settings/tokens']);
		expect(hrefs('programme_officer')).not.toContain('/admin/users');
	});

	it('reviewers and finance see insight but not the inbox; admins also see administration', () => {
		expect(hrefs('reviewer')).toContain('/insight');
		expect(hrefs('finance')).not.toContain('/inbox');
		expect(navFor('admin').map((g) => g.id)).toEqual(['partners', 'support', 'grants', 'resources', 'staff', 'admin']);
	});

	it('a partner member has no staff group and can write to the team', () => {
		expect(navFor('member').map((g) => g.id)).toEqual(['partners', 'support', 'grants', 'resources', 'contact']);
	});

	it('empty groups are left out; a group may be a single link', () => {
		expect(navFor(null).map((g) => g.entries.length)).toEqual([1, 1, 1, 2, 1]);
	});

	it('the current page is the longest matching address', () => {
		const groups = navFor('admin');
		expect(currentHref(groups, '/events/manage/abc')).toBe('/events/manage');
		expect(currentHref(groups, '/events/abc')).toBe('/events');
		expect(currentHref(groups, '/grants/applications/x')).toBe('/grants');
		expect(currentHref(groups, '/eventsx')).toBeNull();
	});
});
