// Shared by pages and the server; kept free of zod so it adds nothing to the browser bundle.
export const ROLES = [
	'admin',
	'programme_officer',
	'reviewer',
	'external_reviewer',
	'finance',
	'member'
] as const;
export type Role = (typeof ROLES)[number];

/** Staff see the whole directory; an external reviewer is not staff and sees only what is assigned. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'programme_officer', 'reviewer', 'finance'];
/** Staff who run the directory: create and edit any partner, record agreements, mark sensitivity. */
export const DIRECTORY_MANAGERS: readonly Role[] = ['admin', 'programme_officer'];

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const ORGANISATION_KINDS = [
	'government',
	'civil_society',
	'business',
	'media',
	'academia',
	'multilateral',
	'other'
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const REGIONS = [
	'africa',
	'asia_pacific',
	'europe_central_asia',
	'latin_america_caribbean',
	'middle_east_north_africa',
	'north_america',
	'global'
] as const;
export type Region = (typeof REGIONS)[number];

export const AGREEMENT_SCOPES = [
	'joint_advocacy',
	'learning',
	'capacity_building',
	'fundraising',
	'data_standards',
	'other'
] as const;
export type AgreementScope = (typeof AGREEMENT_SCOPES)[number];

export const AGREEMENT_STATUSES = ['draft', 'active', 'ended'] as const;
export const AGREEMENT_DISPLAY_STATUSES = ['draft', 'active', 'expired', 'ended'] as const;
export type AgreementDisplayStatus = (typeof AGREEMENT_DISPLAY_STATUSES)[number];

export const MEMBERSHIP_ROLES = ['owner', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const SORTS = ['name', '-name', 'country', 'kind', '-updated', 'relevance'] as const;
export type DirectorySort = (typeof SORTS)[number];
