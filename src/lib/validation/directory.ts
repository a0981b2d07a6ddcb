import { COUNTRY_CODES, WORKING_LANGUAGES } from '../countries.ts';
import {
	AGREEMENT_SCOPES,
	AGREEMENT_STATUSES,
	MEMBERSHIP_ROLES,
	ORGANISATION_KINDS,
	REGIONS,
	SORTS
} from '../roles.ts';
import { m } from '#lib/paraglide/messages.js';
import { countryCode } from './country.ts';
import { z } from './zod.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

// Field rules without defaults, so that a partial update (PATCH) leaves unsent fields alone.
const organisationFields = {
	name: required(200),
	kind: z.enum(ORGANISATION_KINDS),
	country: countryCode,
	region: z.enum(REGIONS),
	languages: z.array(z.enum(WORKING_LANGUAGES as [string, ...string[]])).max(10),
	website: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
	description: text(5000)
};
export const organisationInput = z.object({
	...organisationFields,
	languages: organisationFields.languages.default([]),
	website: organisationFields.website.default(''),
	description: organisationFields.description.default('')
});
export type OrganisationInput = z.infer<typeof organisationInput>;
export const organisationPatch = z.object(organisationFields).partial();

export const sensitivityInput = z.object({ sensitive: z.boolean() });
export const listingInput = z.object({ listed: z.boolean() });

const personFields = {
	name: required(200),
	role: text(200),
	email: z.union([z.literal(''), z.email().max(320)]),
	phone: z.union([z.literal(''), z.string().trim().regex(/^[+()0-9 .-]{4,40}$/, { error: () => m.v_invalid_phone() })])
};
export const personInput = z.object({
	...personFields,
	role: personFields.role.default(''),
	email: personFields.email.default(''),
	phone: personFields.phone.default('')
});
export type PersonInput = z.infer<typeof personInput>;
export const personPatch = z.object(personFields).partial();

const agreementFields = {
	title: required(200),
	scopes: z.array(z.enum(AGREEMENT_SCOPES)).min(1).max(AGREEMENT_SCOPES.length),
	startDate: isoDate,
	endDate: z.union([z.literal(''), isoDate]),
	status: z.enum(AGREEMENT_STATUSES),
	binding: z.boolean(),
	notes: text(5000)
};
const endNotBeforeStart = (v: { startDate?: string; endDate?: string }) =>
	!v.startDate || !v.endDate || v.endDate >= v.startDate;
export const agreementInput = z
	.object({
		...agreementFields,
		endDate: agreementFields.endDate.default(''),
		status: agreementFields.status.default('draft'),
		binding: agreementFields.binding.default(false),
		notes: agreementFields.notes.default('')
	})
	.refine(endNotBeforeStart, { path: ['endDate'], error: () => m.v_end_before_start() });
export type AgreementInput = z.infer<typeof agreementInput>;
export const agreementPatch = z
	.object(agreementFields)
	.partial()
	.refine(endNotBeforeStart, { path: ['endDate'], error: () => m.v_end_before_start() });

export const invitationInput = z.object({
	email: z.email().max(320),
	role: z.enum(MEMBERSHIP_ROLES).default('member')
});
export type InvitationInput = z.infer<typeof invitationInput>;

export const directoryQuery = z.object({
	q: text(200).optional().default(''),
	kind: z.union([z.literal(''), z.enum(ORGANISATION_KINDS)]).optional().default(''),
	country: z.union([z.literal(''), z.enum(COUNTRY_CODES as [string, ...string[]])]).optional().default(''),
	region: z.union([z.literal(''), z.enum(REGIONS)]).optional().default(''),
	sort: z.union([z.literal(''), z.enum(SORTS)]).optional().default(''),
	page: z.coerce.number().int().min(1).max(100000).optional().default(1),
	pageSize: z.coerce.number().int().min(1).max(100).optional().default(25)
});
export type DirectoryQuery = z.infer<typeof directoryQuery>;

/** A staff person to add to a sensitive partner's need-to-know list. */
export const needToKnowInput = z.object({
	userId: z.string().trim().min(1, { error: () => m.v_choose_person() }).max(100)
});
export type NeedToKnowInput = z.infer<typeof needToKnowInput>;
