import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { idParam, jsonBody, ok, operation, problem } from '../api/openapi-parts.ts';
import { activityInput, faqInput, faqQuery, libraryQuery, resourceInput, stakeholderInput, stakeholderMove, stepInputs, strategyInput } from '../../validation/toolkit.ts';

// The toolkit's part of the API document. Requests use the schemas the forms validate with.
const op = (summary: string, tag: string, rest: Partial<ZodOpenApiOperationObject>) => operation(summary, tag, rest);

const strategySummary = z.object({ id: z.uuid(), organisationId: z.uuid(), title: z.string(), language: z.enum(['en', 'es', 'fr']), updatedAt: z.iso.datetime() });
const stepVersion = z.object({ step: z.number().int(), version: z.number().int(), content: z.record(z.string(), z.string()), updatedAt: z.iso.datetime(), updatedBy: z.string().nullable() });
const stakeholder = stakeholderInput.extend({ id: z.uuid() });
const activity = z.object({ id: z.uuid(), title: z.string(), owner: z.string(), startDate: z.iso.date().nullable(), dueDate: z.iso.date().nullable(), status: z.string(), budget: z.number().int(), milestone: z.boolean(), deliverable: z.string() });
const strategy = strategySummary.extend({
	role: z.enum(['editor', 'viewer']).nullable(),
	can: z.object({ edit: z.boolean(), manageTeam: z.boolean(), handOff: z.boolean() }),
	steps: z.array(stepVersion),
	stakeholders: z.array(stakeholder),
	tactics: z.array(z.object({ id: z.uuid(), audience: z.string(), change: z.string(), description: z.string() })),
	messages: z.array(z.object({ id: z.uuid(), audience: z.string(), coreMessage: z.string(), evidence: z.string(), messenger: z.string(), ask: z.string() })),
	activities: z.array(activity),
	monitoring: z.array(z.object({ id: z.uuid(), kind: z.string(), title: z.string(), detail: z.string(), entryDate: z.iso.date().nullable(), target: z.string(), progress: z.string() })),
	progress: z.array(z.object({ step: z.number().int(), done: z.number().int(), total: z.number().int(), missing: z.array(z.string()) }))
});
const anyStep = z.union([stepInputs[1], stepInputs[2], stepInputs[3], stepInputs[4]]);
const campaignPlan = z.object({
	source: z.object({ kind: z.literal('strategy'), id: z.uuid() }),
	organisationId: z.uuid(),
	goal: z.string(),
	deadline: z.string(),
	mandateSought: z.string(),
	milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), deliverable: z.string() })),
	deliverables: z.array(z.string()),
	campaignManager: z.object({ name: z.string(), role: z.string(), email: z.string() })
});
const contentLanguage = z.enum(['en', 'es', 'fr']);
const perLanguage = <T extends z.ZodType>(v: T) => z.object({ en: v.optional(), es: v.optional(), fr: v.optional() });
const shared = { id: z.uuid(), type: z.string(), topics: z.array(z.string()), countries: z.array(z.string()), updatedAt: z.iso.datetime(), languages: z.array(contentLanguage) };
const listedVersion = z.object({ title: z.string(), summary: z.string(), url: z.string().nullable(), filename: z.string().nullable() });
// A listed item carries the version shown to the reader (their language, or honestly another) and all of them.
const listedResource = z.object({ ...shared, language: contentLanguage, fallback: z.boolean(), ...listedVersion.shape, versions: perLanguage(listedVersion) });
const resource = z.object({
	...shared,
	createdAt: z.iso.datetime(),
	versions: perLanguage(listedVersion.extend({ body: z.string(), contentType: z.string().nullable(), sizeBytes: z.number().int().nullable() }))
});
const faq = z.object({ id: z.uuid(), topic: z.string(), position: z.number().int(), question: z.string(), answer: z.string(), resourceIds: z.array(z.uuid()) });
const faqFull = faqInput.extend({ id: z.uuid() });

export const toolkitPaths: ZodOpenApiPathsObject = {
	'/api/v1/strategies': {
		get: op('List the strategies you may see (optionally of one organisation)', 'Toolkit', {
			requestParams: { query: z.object({ organisationId: z.uuid().optional() }) },
			responses: { '200': ok(z.object({ items: z.array(strategySummary) })) }
		}),
		post: op('Start a strategy for one of your organisations', 'Toolkit', { requestBody: jsonBody(strategyInput.extend({ organisationId: z.uuid() })), responses: { '201': ok(strategySummary, 'Created') } })
	},
	'/api/v1/strategies/{id}': {
		get: op('Read a strategy with its steps, lists and progress', 'Toolkit', { requestParams: idParam, responses: { '200': ok(strategy) } })
	},
	'/api/v1/strategies/{id}/steps/{step}': {
		put: op('Save a step’s text, based on a version', 'Toolkit', {
			requestParams: { path: z.object({ id: z.uuid(), step: z.enum(['1', '2', '3', '4']) }) },
			requestBody: jsonBody(anyStep),
			responses: {
				'200': ok(z.object({ status: z.literal('saved'), version: z.number().int(), content: z.record(z.string(), z.string()), savedAt: z.iso.datetime().describe('When the saved version was written') })),
				'409': ok(problem.extend({ theirs: stepVersion.omit({ step: true }), yours: z.record(z.string(), z.string()) }), 'Someone saved a newer version; both are returned and nothing was overwritten')
			}
		})
	},
	'/api/v1/strategies/{id}/stakeholders': {
		post: op('Add a stakeholder to the power map', 'Toolkit', { requestParams: idParam, requestBody: jsonBody(stakeholderInput), responses: { '201': ok(stakeholder, 'Created') } })
	},
	'/api/v1/strategies/{id}/stakeholders/{stakeholderId}': {
		put: op('Update a stakeholder', 'Toolkit', { requestParams: { path: z.object({ id: z.uuid(), stakeholderId: z.uuid() }) }, requestBody: jsonBody(stakeholderInput), responses: { '200': ok(stakeholder) } }),
		patch: op('Move a stakeholder on the power map', 'Toolkit', { requestParams: { path: z.object({ id: z.uuid(), stakeholderId: z.uuid() }) }, requestBody: jsonBody(stakeholderMove), responses: { '200': ok(stakeholder) } }),
		delete: op('Remove a stakeholder', 'Toolkit', { requestParams: { path: z.object({ id: z.uuid(), stakeholderId: z.uuid() }) }, responses: { '200': ok(z.object({ removed: z.boolean() })) } })
	},
	'/api/v1/strategies/{id}/activities': {
		post: op('Add an activity to the plan', 'Toolkit', { requestParams: idParam, requestBody: jsonBody(activityInput), responses: { '201': ok(activity, 'Created') } })
	},
	'/api/v1/strategies/{id}/campaign-plan': {
		get: op('The strategy as a mini-grant campaign plan', 'Toolkit', { requestParams: idParam, responses: { '200': ok(campaignPlan) } })
	},
	'/api/v1/resources': {
		get: op('Search the resource library', 'Library', { requestParams: { query: libraryQuery }, responses: { '200': ok(z.object({ items: z.array(listedResource), total: z.number(), page: z.number(), pageSize: z.number() })) } }),
		post: op('Add a library item in one to three languages, each with a link or text (staff)', 'Library', { requestBody: jsonBody(resourceInput), responses: { '201': ok(resource, 'Created') } })
	},
	'/api/v1/resources/{id}': {
		get: op('Read a library item', 'Library', { requestParams: idParam, responses: { '200': ok(resource) } }),
		put: op('Update a library item (staff)', 'Library', { requestParams: idParam, requestBody: jsonBody(resourceInput), responses: { '200': ok(resource) } }),
		delete: op('Delete a library item (staff)', 'Library', { requestParams: idParam, responses: { '200': ok(z.object({ removed: z.boolean() })) } })
	},
	'/api/v1/faqs': {
		get: op('Search the FAQ on sticking points, in your language', 'Library', { requestParams: { query: faqQuery }, responses: { '200': ok(z.object({ items: z.array(faq) })) } }),
		post: op('Add an FAQ entry in three languages (staff)', 'Library', { requestBody: jsonBody(faqInput), responses: { '201': ok(faqFull, 'Created') } })
	},
	'/api/v1/faqs/{id}': {
		get: op('Read an FAQ entry with all its languages', 'Library', { requestParams: idParam, responses: { '200': ok(faqFull) } }),
		put: op('Update an FAQ entry (staff)', 'Library', { requestParams: idParam, requestBody: jsonBody(faqInput), responses: { '200': ok(faqFull) } }),
		delete: op('Delete an FAQ entry (staff)', 'Library', { requestParams: idParam, responses: { '200': ok(z.object({ removed: z.boolean() })) } })
	}
};
