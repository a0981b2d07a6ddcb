import type { Organisation } from '../directory/find-organisation.ts';

/** The API's view of an organisation: the stored search vector stays inside. */
export function organisationJson(org: Organisation) {
	const { search: _search, ...rest } = org;
	return rest;
}
