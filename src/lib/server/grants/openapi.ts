import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses, idParam, jsonBody as body, ok, operation, problem } from '../api/openapi-parts.ts';
import {
	answersInput,
	applicationQuery,
	callDefinition,
	callStatusInput,
	callUpdateInput,
	declarationInput,
	reviewInput,
	startApplicationInput,
	transitionInput
} from '../../validation/grants.ts';

// The grants endpoints in the OpenAPI document; requests use the forms' own schemas.

const errors = errorResponses('Not allowed from the current state, or someone else changed it first');
const op = (summary: string, rest: Partial<ZodOpenApiOperationObject>) => operation(summary, 'Grants', rest, errors);

const translated = z.object({ en: z.string(), es: z.string().optional(), fr: z.string().optional() });
const call = z.object({ id: z.uuid(), slug: z.string(), title: translated, summary: translated, rolling: z.boolean(), currency: z.string(), maxAward: z.number(), stages: z.array(z.unknown()) });
const callForBuilder = z.object({ id: z.uuid(), status: z.enum(['draft', 'open', 'closed', 'archived']), version: z.number(), publishedVersion: z.number(), definition: callDefinition });
const application = z.object({
	id: z.uuid(),
	callId: z.uuid(),
	organisationId: z.uuid(),
	status: z.string(),
	stage: z.number(),
	version: z.number(),
	revision: z.number(),
	title: z.string(),
	answers: z.record(z.string(), z.unknown()),
	answersVersion: z.number().describe('Raised by every save of the answers; send it back as `baseVersion` when saving'),
	answersSavedAt: z.iso.datetime().nullable(),
	requestedAmount: z.number(),
	submittedAt: z.iso.datetime().nullable(),
	decisionDueAt: z.iso.datetime().nullable()
});
const savedAnswers = z.object({ answers: z.record(z.string(), z.unknown()), version: z.number(), savedByName: z.string().nullable(), savedAt: z.iso.datetime().nullable() });
const threeSixtyGiving = z.object({
	grants: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			description: z.string(),
			currency: z.string(),
			amountAwarded: z.number(),
			awardDate: z.iso.date(),
			recipientOrganization: z.array(z.object({ id: z.string(), name: z.string(), countryCode: z.string().optional() })),
			fundingOrganization: z.array(z.object({ id: z.string(), name: z.string() })),
			grantProgramme: z.array(z.object({ title: z.string() }))
		})
	),
	page: z.number()
});

export const grantsPaths: ZodOpenApiPathsObject = {
	'/api/v1/calls': {
		get: op('List open calls', { responses: { '200': ok(z.object({ items: z.array(call) })) } }),
		post: op('Define a call by its address under the builder’s rules: a new address is created and opened (each missing text named in the error), a known one saved over as the builder saves it', { requestBody: body(callDefinition), responses: { '201': ok(call, 'Created'), '200': ok(call, 'A known call saved over') } })
	},
	'/api/v1/calls/{id}': {
		get: op('Read a call’s whole definition, with the version a save must quote (programme staff)', { requestParams: idParam, responses: { '200': ok(callForBuilder) } }),
		put: op('Save a whole definition over a call; on a call that has been open this publishes a new version', {
			requestParams: idParam,
			requestBody: body(callUpdateInput.extend({ definition: callDefinition })),
			responses: { '200': ok(callForBuilder) }
		})
	},
	'/api/v1/calls/{id}/versions': {
		get: op('The call’s published versions, newest first; each application keeps the one it was started on', {
			requestParams: idParam,
			responses: { '200': ok(z.object({ items: z.array(z.object({ number: z.number(), publishedAt: z.iso.datetime(), publishedBy: z.string().nullable(), applications: z.number(), definition: z.unknown() })) })) }
		})
	},
	'/api/v1/calls/{id}/transitions': {
		post: op('Open, close, reopen or archive a call', {
			requestParams: idParam,
			requestBody: body(callStatusInput),
			responses: { '200': ok(z.object({ status: z.string(), version: z.number(), publishedVersion: z.number(), draftHoldersTold: z.number() })) }
		})
	},
	'/api/v1/applications': {
		get: op('List the applications you may see', { requestParams: { query: applicationQuery }, responses: { '200': ok(z.object({ items: z.array(z.unknown()), total: z.number(), totalExact: z.boolean().describe('false when total is the least there are: matches are counted up to 1,000 past the page, and a word search is not counted beyond its next page'), page: z.number() })) } }),
		post: op('Start an application after the eligibility screener', { requestBody: body(startApplicationInput), responses: { '201': ok(application, 'Created') } })
	},
	'/api/v1/applications/{id}': {
		get: op('Read an application', {
			requestParams: idParam,
			responses: {
				'200': ok(
					application.extend({
						withheld: z
							.array(z.string())
							.describe('Answers (`field` or `field.column`) set to null because they name a person of a sensitive partner whose identity the reader is not entitled to; that partner’s name is replaced by its neutral reference in the title and answers')
					})
				)
			}
		}),
		patch: op('Save answers to the current stage’s form (with `baseVersion`: merged question by question with what another member saved since; refused only where both changed the same question)', {
			requestParams: idParam,
			requestBody: body(answersInput),
			responses: {
				'200': ok(application),
				'409': ok(
					problem.extend({ theirs: savedAnswers, yours: z.record(z.string(), z.unknown()), fields: z.array(z.string()) }),
					'Another member saved a different answer to a question this save also changed; theirs, yours (with the other questions merged) and the questions both changed are returned, and nothing was written'
				)
			}
		})
	},
	'/api/v1/applications/{id}/transitions': {
		post: op('Move an application along its workflow (award takes an amount)', {
			requestParams: idParam,
			requestBody: body(transitionInput.extend({ amount: z.number().optional(), conditions: z.string().optional() })),
			responses: { '200': ok(z.union([application, z.object({ award: z.unknown() })])) }
		})
	},
	'/api/v1/applications/{id}/declarations': {
		post: op('Declare whether you have a conflict of interest', { requestParams: idParam, requestBody: body(declarationInput), responses: { '201': ok(z.object({ status: z.string() }), 'Declared') } })
	},
	'/api/v1/applications/{id}/reviews': {
		post: op('Score the current revision on the stage’s rubric', { requestParams: idParam, requestBody: body(reviewInput), responses: { '201': ok(z.object({ id: z.uuid(), revision: z.number(), total: z.number(), percent: z.number() }), 'Recorded') } })
	},
	'/api/v1/grants': {
		get: op('Awarded grants in the 360Giving standard (sensitive grantees anonymised)', { requestParams: { query: z.object({ page: z.number().optional() }) }, responses: { '200': ok(threeSixtyGiving) } })
	}
};
