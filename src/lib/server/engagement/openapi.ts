import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses, idParam, jsonBody, ok, operation } from '../api/openapi-parts.ts';
import { DECISIONS, GATE_STATES, REQUEST_STATUSES } from '../../engagement-codes.ts';
import { assessmentInput, assignInput, criteriaSetInput, decisionInput, portfolioQuery, requestInput, requestPatch, safetyPlanInput } from '../../validation/engagement.ts';

// The engagement capability's part of the OpenAPI document. Request bodies are the forms' schemas.
const errors = errorResponses('Not possible in the request’s current state');
const op = (summary: string, rest: Partial<ZodOpenApiOperationObject>) => operation(summary, 'Engagement requests', rest, errors);

const translated = z.object({ en: z.string(), es: z.string(), fr: z.string() });
const requirement = z.object({
	triggered: z.boolean().describe('The consolidated gate reads "safety plan needed"'),
	plan: z.enum(['none', 'awaiting_approval', 'approved']),
	overridden: z.boolean(),
	missing: z.array(z.enum(['plan', 'approval', 'other_decider'])).describe('What still stands between the request and an "invest" decision by you')
});
const request = requestInput.extend({
	id: z.uuid(),
	status: z.enum(REQUEST_STATUSES),
	score: z.number().nullable().describe('Consolidated weighted score 0–100; staff and assessors only'),
	band: z.string().nullable(),
	gate: z.enum(GATE_STATES).nullable(),
	decision: z.enum(DECISIONS).nullable(),
	rationale: z.string().nullable(),
	submittedAt: z.iso.datetime().nullable(),
	decidedAt: z.iso.datetime().nullable(),
	organisation: z.object({ id: z.uuid(), name: z.string().describe('The neutral reference for a sensitive partner you are not entitled to see'), sensitive: z.boolean() }),
	assessors: z.array(z.object({ id: z.string(), name: z.string().nullable().describe('null for a person whose data was erased (shown as “former user” on pages)'), submitted: z.boolean() })),
	safety: z.object({ requirement: requirement, plan: z.object({ authorName: z.string().nullable().describe('null for a person whose data was erased (shown as “former user” on pages)'), approverName: z.string().nullable().describe('null for a person whose data was erased (shown as “former user” on pages)'), approvedAt: z.iso.datetime().nullable(), reviewOn: z.iso.date() }).nullable() }).nullable().describe('The physical-security gate; programme officers and admins only'),
	gateOverride: z.object({ reason: z.string(), by: z.string().nullable(), at: z.iso.datetime() }).nullable().describe('An admin’s override of the gate, with its reason'),
	can: z.record(z.string(), z.boolean())
});
const safetyPlan = z.object({
	requestId: z.uuid(),
	gate: z.enum(GATE_STATES).nullable(),
	requirement,
	plan: safetyPlanInput.extend({
		authorId: z.string().nullable(),
		authorName: z.string().nullable().describe('null for a person whose data was erased (shown as “former user” on pages)'),
		updatedBy: z.string().nullable(),
		approvedBy: z.string().nullable(),
		approverName: z.string().nullable().describe('null for a person whose data was erased (shown as “former user” on pages)'),
		approvedAt: z.iso.datetime().nullable(),
		updatedAt: z.iso.datetime()
	}).nullable(),
	can: z.object({ edit: z.boolean(), approve: z.boolean() })
});
const requestSummary = z.object({
	id: z.uuid(),
	status: z.enum(REQUEST_STATUSES),
	kinds: z.array(z.string()),
	goal: z.string(),
	country: z.string(),
	region: z.string(),
	organisationId: z.uuid(),
	organisationName: z.string(),
	score: z.number().nullable(),
	band: z.string().nullable(),
	gate: z.enum(GATE_STATES).nullable(),
	decision: z.enum(DECISIONS).nullable()
});
const score = z.object({ level: z.number().int().min(0).max(4).nullable().describe('null means unknown'), confidence: z.enum(['low', 'medium', 'high']), note: z.string() });
const consolidation = z.object({
	requestId: z.uuid(),
	criteriaSet: z.object({ id: z.uuid(), version: z.number() }),
	result: z.object({
		assessors: z.number(),
		score: z.number().nullable(),
		band: z.string().nullable(),
		gate: z.enum(GATE_STATES),
		criteria: z.array(z.object({ key: z.string(), mean: z.number().nullable(), favourableMean: z.number().nullable(), spread: z.number(), disagreement: z.boolean(), known: z.number(), unknown: z.number() })),
		gaps: z.array(z.object({ key: z.string(), unknown: z.number() })),
		sensitivity: z.array(z.object({ key: z.string(), tippingWeight: z.number().nullable(), change: z.number().nullable(), robust: z.boolean() }))
	}),
	assessments: z.array(z.object({ id: z.uuid(), assessorId: z.string(), assessorName: z.string().nullable().describe('null for a person whose data was erased (shown as “former user” on pages)'), submittedAt: z.iso.datetime().nullable(), scores: z.record(z.string(), score) })),
	pending: z.array(z.string())
});
const criteriaSet = z.object({
	id: z.uuid(),
	version: z.number(),
	criteria: z.array(z.object({ key: z.string(), title: translated, question: translated, descriptors: z.array(translated), weight: z.number(), polarity: z.enum(['positive', 'negative']) })),
	bands: z.array(z.object({ code: z.string(), min: z.number(), label: translated })),
	gate: z.object({ criterion: z.string(), atOrBelow: z.number() }).nullable(),
	note: z.string(),
	createdAt: z.iso.datetime()
});

export const engagementPaths: ZodOpenApiPathsObject = {
	'/api/v1/engagement-requests': {
		get: op('List requests (the portfolio for staff; your own otherwise)', {
			requestParams: { query: portfolioQuery },
			responses: { '200': ok(z.object({ items: z.array(requestSummary), total: z.number(), page: z.number(), pageSize: z.number() })) }
		}),
		post: op('Start a request as a draft', { requestBody: jsonBody(requestInput), responses: { '201': ok(request, 'Created') } })
	},
	'/api/v1/engagement-requests/{id}': {
		get: op('Read a request', { requestParams: idParam, responses: { '200': ok(request) } }),
		patch: op('Change a draft, or a request sent back for more information', { requestParams: idParam, requestBody: jsonBody(requestPatch), responses: { '200': ok(request) } })
	},
	'/api/v1/engagement-requests/{id}/submit': {
		post: op('Submit a request', { requestParams: idParam, responses: { '200': ok(request) } })
	},
	'/api/v1/engagement-requests/{id}/assessors': {
		post: op('Assign assessors (programme officers)', { requestParams: idParam, requestBody: jsonBody(assignInput), responses: { '200': ok(z.object({ added: z.number(), status: z.enum(REQUEST_STATUSES) })) } })
	},
	'/api/v1/engagement-requests/{id}/assessments': {
		get: op('The submitted assessments and the consolidated result (not before your own is submitted)', { requestParams: idParam, responses: { '200': ok(consolidation) } })
	},
	'/api/v1/engagement-requests/{id}/assessments/mine': {
		get: op('Your own assessment of the request', { requestParams: idParam, responses: { '200': ok(z.object({ id: z.uuid(), criteriaSet: z.object({ id: z.uuid(), version: z.number() }), submittedAt: z.iso.datetime().nullable(), scores: z.record(z.string(), score) })) } }),
		put: op('Save your assessment as a draft, or submit it', { requestParams: idParam, requestBody: jsonBody(assessmentInput), responses: { '200': ok(z.object({ id: z.uuid(), submitted: z.boolean() })) } })
	},
	'/api/v1/engagement-requests/{id}/decision': {
		post: op('Record a decision with its rationale (programme officers). When the gate is triggered, "invest" needs a safety plan approved by someone other than you (409 otherwise); an admin may set `overrideGate` with an `overrideReason` instead. Any outcome but "more_info" needs at least one submitted assessment (409 before that)', { requestParams: idParam, requestBody: jsonBody(decisionInput), responses: { '200': ok(request) } })
	},
	'/api/v1/engagement-requests/{id}/safety-plan': {
		get: op('The request’s safety plan and the gate’s state (programme officers and admins)', { requestParams: idParam, responses: { '200': ok(safetyPlan) } }),
		put: op('Write or change the safety plan; a change withdraws any approval', { requestParams: idParam, requestBody: jsonBody(safetyPlanInput), responses: { '200': ok(safetyPlan) } })
	},
	'/api/v1/engagement-requests/{id}/safety-plan/approval': {
		post: op('Approve the safety plan (a programme officer or admin who neither wrote nor last changed it; 403 for your own plan)', { requestParams: idParam, responses: { '200': ok(safetyPlan) } })
	},
	'/api/v1/criteria-sets': {
		get: op('Every version of the criteria, newest first', { responses: { '200': ok(z.object({ items: z.array(criteriaSet) })) } }),
		post: op('Save an edit of the criteria as a new version (admins)', { requestBody: jsonBody(criteriaSetInput), responses: { '201': ok(criteriaSet, 'Created') } })
	},
	'/api/v1/criteria-sets/{id}': {
		get: op('One version of the criteria; `current` gives the newest', { requestParams: { path: z.object({ id: z.string() }) }, responses: { '200': ok(criteriaSet) } })
	}
};
