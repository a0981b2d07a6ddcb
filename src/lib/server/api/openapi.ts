import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { idParam, jsonBody, ok, operation } from './openapi-parts.ts';
import pkg from '../../../../package.json' with { type: 'json' };
import {
	agreementInput,
	agreementPatch,
	directoryQuery,
	organisationInput,
	needToKnowInput,
	organisationPatch,
	personInput,
	personPatch
} from '../../validation/directory.ts';
import { engagementPaths } from '../engagement/openapi.ts';
import { eventsPaths } from '../events/openapi.ts';
import { toolkitPaths } from '../toolkit/openapi.ts';
import { insightPaths } from '../insight/openapi.ts';
import { grantsPaths } from '../grants/openapi.ts';
import { notificationsPaths } from '../notifications/openapi.ts';
import { contactPaths } from '../contact/openapi.ts';
import { countryContextPaths } from '../country-context/openapi.ts';

// Response shapes. Requests use the very schemas the forms validate with.
const organisation = organisationInput.extend({
	id: z.uuid(),
	reference: z.string(),
	website: z.string().nullable(),
	sensitive: z.boolean(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime()
});
const organisationSummary = organisation.pick({ id: true, name: true, kind: true, country: true, region: true, languages: true, website: true, sensitive: true, updatedAt: true });
const person = personInput.extend({ id: z.uuid(), organisationId: z.uuid(), email: z.string().nullable(), phone: z.string().nullable() });
const agreement = z.object({
	id: z.uuid(),
	organisationId: z.uuid(),
	title: z.string(),
	scopes: z.array(z.string()),
	startDate: z.iso.date(),
	endDate: z.iso.date().nullable(),
	status: z.enum(['draft', 'active', 'ended']),
	displayStatus: z.enum(['draft', 'active', 'expired', 'ended']).optional(),
	binding: z.boolean(),
	notes: z.string()
});
const needToKnowEntry = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string(), addedAt: z.iso.datetime(), addedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable() });
const op = (summary: string, tag: string, rest: Partial<ZodOpenApiOperationObject>) => operation(summary, tag, rest);

const paths: ZodOpenApiPathsObject = {
	'/api/v1/organisations': {
		get: op('List and search organisations', 'Directory', {
			requestParams: { query: directoryQuery },
			responses: { '200': ok(z.object({ items: z.array(organisationSummary), total: z.number(), totalExact: z.boolean().describe('false when total is the least there are: matches are counted up to 1,000 past the page, and a word search is not counted beyond its next page'), page: z.number(), pageSize: z.number() })) }
		}),
		post: op('Create an organisation', 'Directory', { requestBody: jsonBody(organisationInput), responses: { '201': ok(organisation, 'Created') } })
	},
	'/api/v1/organisations/{id}': {
		get: op('Read an organisation', 'Directory', { requestParams: idParam, responses: { '200': ok(organisation) } }),
		patch: op('Update an organisation', 'Directory', { requestParams: idParam, requestBody: jsonBody(organisationPatch), responses: { '200': ok(organisation) } })
	},
	'/api/v1/organisations/{id}/people': {
		get: op('List an organisation’s people', 'People', { requestParams: idParam, responses: { '200': ok(z.object({ items: z.array(person) })) } }),
		post: op('Add a person', 'People', { requestParams: idParam, requestBody: jsonBody(personInput), responses: { '201': ok(person, 'Created') } })
	},
	'/api/v1/organisations/{id}/need-to-know': {
		get: op('List who is on a partner’s need-to-know list (admins and programme officers)', 'Directory', {
			requestParams: idParam,
			responses: { '200': ok(z.object({ items: z.array(needToKnowEntry) })) }
		}),
		post: op('Name a reviewer or finance person on the need-to-know list; adding someone listed changes nothing', 'Directory', {
			requestParams: idParam,
			requestBody: jsonBody(needToKnowInput),
			responses: { '201': ok(z.object({ organisationId: z.uuid(), userId: z.string(), added: z.boolean() }), 'Added (or already on the list)') }
		})
	},
	'/api/v1/organisations/{id}/need-to-know/{userId}': {
		delete: op('Take a person off the need-to-know list', 'Directory', {
			requestParams: { path: z.object({ id: z.uuid(), userId: z.string() }) },
			responses: { '204': { description: 'Removed' } }
		})
	},
	'/api/v1/people/{id}': {
		get: op('Read a person', 'People', { requestParams: idParam, responses: { '200': ok(person) } }),
		patch: op('Update a person', 'People', { requestParams: idParam, requestBody: jsonBody(personPatch), responses: { '200': ok(person) } })
	},
	'/api/v1/organisations/{id}/agreements': {
		get: op('List an organisation’s agreements', 'Agreements', { requestParams: idParam, responses: { '200': ok(z.object({ items: z.array(agreement) })) } }),
		post: op('Record an agreement', 'Agreements', { requestParams: idParam, requestBody: jsonBody(agreementInput), responses: { '201': ok(agreement, 'Created') } })
	},
	'/api/v1/agreements/{id}': {
		get: op('Read an agreement', 'Agreements', { requestParams: idParam, responses: { '200': ok(agreement) } }),
		patch: op('Update an agreement', 'Agreements', { requestParams: idParam, requestBody: jsonBody(agreementPatch), responses: { '200': ok(agreement) } })
	},
	...engagementPaths,
	...eventsPaths,
	...toolkitPaths,
	...grantsPaths,
	...insightPaths,
	...notificationsPaths,
	...contactPaths,
	...countryContextPaths
};

let cached: ReturnType<typeof createDocument> | undefined;

/** One document for the whole API; a capability adds its paths above (or merges its own object). */
export function openApiDocument() {
	cached ??= createDocument({
		openapi: '3.1.0',
		info: { title: 'Support Hub API', version: pkg.version, description: 'Send a personal API token as `Authorization: Bearer shk_…`, or use a signed-in session.' },
		components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
		security: [{ bearer: [] }],
		paths
	});
	return cached;
}
