import type { LayoutServerLoad } from './$types';

// Public: the layout shows the signed-in person's name and menu, or the sign-in links.
export const load: LayoutServerLoad = ({ locals }) => {
	const a = locals.actor;
	return {
		viewer: a.kind === 'user' ? { name: a.name, role: a.role } : null,
		locale: locals.locale,
		timeZone: locals.timeZone
	};
};
