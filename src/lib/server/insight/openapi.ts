import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses, idParam, jsonBody, ok, operation } from '../api/openapi-parts.ts';
import { ACTUAL_SOURCES, INDICATOR_SUBJECTS, OUTCOME_STATUSES } from '../../insight/codes.ts';
import { actualInput, indicatorInput, reviewInput } from '../../validation/insight.ts';
import { insightFilters } from '../../validation/insight-report.ts';

// Outcome tracking's part of the API document. Requests use the schemas the forms validate with.
const subjectParams = { path: z.object({ type: z.enum(INDICATOR_SUBJECTS), id: z.uuid() }) };
const indicator = z.object({
	id: z.uuid(),
	subjectType: z.enum(INDICATOR_SUBJECTS),
	subjectId: z.uuid(),
	organisationId: z.uuid(),
	impactArea: z.string(),
	measure: z.string(),
	unit: z.string(),
	baseline: z.number(),
	target: z.number(),
	targetDate: z.iso.date(),
	evidenceExpected: z.string()
});
const summary = indicator.omit({ organisationId: true }).extend({ latestValue: z.number().nullable(), latestObservedOn: z.iso.date().nullable(), status: z.enum(OUTCOME_STATUSES).nullable() });
const subject = z.object({ type: z.enum(INDICATOR_SUBJECTS), id: z.uuid(), organisationId: z.uuid(), organisationName: z.string(), title: z.string(), goal: z.string(), open: z.boolean(), link: z.string() });
const area = z.object({ code: z.string(), name: z.string().nullable() });
const review = z.object({ id: z.uuid(), actualId: z.uuid(), status: z.enum(OUTCOME_STATUSES), note: z.string(), reviewedBy: z.string().nullable(), createdAt: z.iso.datetime() });
const actual = z.object({ id: z.uuid(), indicatorId: z.uuid(), source: z.enum(ACTUAL_SOURCES), sourceId: z.uuid().nullable(), value: z.number(), observedOn: z.iso.date(), evidenceLinks: z.array(z.string()), note: z.string(), reportedBy: z.string().nullable(), createdAt: z.iso.datetime() });

const count = z.number().int();
const supportRow = z.object({ key: z.string().describe('Country code, region, partner kind or year; empty when not recorded'), requests: count, decisions: count, invested: count, grants: count, trainings: count, registrations: count, attended: count, strategies: count, outcomes: count, achieved: count });
const money = z.object({ key: z.string(), currency: z.string(), grants: count, awarded: z.number(), disbursed: z.number() });
const callRow = z.object({ id: z.uuid(), slug: z.string(), title: z.record(z.string(), z.string()), currency: z.string(), budget: z.number(), awarded: z.number(), disbursed: z.number(), remaining: z.number(), started: count, submitted: count, screened: count, reviewed: count, awardedCount: count, targetDays: z.number().nullable(), decided: count, medianDays: z.number().nullable(), p90Days: z.number().nullable(), dueDecided: count, withinTarget: count });
const insightReport = z.object({
	query: insightFilters.required(),
	support: z.object({ rows: z.array(supportRow), total: supportRow }),
	grants: z.object({ rows: z.array(money), totals: z.array(money) }),
	outcomes: z.array(z.object({ area: z.string(), total: count }).extend(Object.fromEntries(OUTCOME_STATUSES.map((s) => [s, count])))),
	calls: z.array(callRow),
	reviewers: z.array(z.object({ callId: z.uuid(), callTitle: z.record(z.string(), z.string()), reviewerId: z.string(), reviewer: z.string(), assigned: count, reviewed: count, pending: count, conflicts: count })),
	training: z.array(z.object({ by: z.enum(['format', 'level', 'language']), code: z.string(), name: z.record(z.string(), z.string()).nullable(), trainings: count, registrations: count, heldPlaces: count, attended: count, feedback: count, meanRating: z.number().nullable() })),
	areas: z.array(area),
	rollupsAsOf: z.iso.datetime().nullable().describe('When the funnel roll-up (from application history) was last brought up to date'),
	asOf: z.iso.datetime().describe('When these figures were computed: at most five minutes before, or being computed again')
});

const published = z.number().int().nullable().describe('Withheld (null) when under 5');
const publicPicture = z.object({
	headline: z.object({ partners: count, countries: count, grants: count, awarded: z.array(z.object({ currency: z.string(), amount: z.number() })), trainings: count, trained: count, outcomesAchieved: count }),
	partners: z.array(z.object({ name: z.string(), country: z.string(), kind: z.string(), website: z.string().nullable() })),
	countries: z.array(z.object({ key: z.string().describe('Country code, or "other" for countries where every figure is under 5'), partners: published, grants: published, trained: published }))
});

export const insightPaths: ZodOpenApiPathsObject = {
	'/partners.json': {
		get: operation('The public “Partners and impact” figures: totals over every partner, the partners that agreed to be listed (never a sensitive one), and figures by country with every count under 5 withheld. No sign-in needed.', 'Insight', {
			responses: { '200': ok(publicPicture) }
		})
	},
	'/api/v1/insight': {
		get: operation('Portfolio figures for staff: support delivered, grants by currency, outcomes, per-call funnel, time to decision, money and reviewer workload, training reach. No partner is named.', 'Insight', {
			requestParams: { query: insightFilters },
			responses: { '200': ok(insightReport) }
		})
	},
	'/api/v1/outcomes/{type}/{id}': {
		get: operation('Read the goal and outcome indicators of a request, grant award or strategy', 'Outcomes', {
			requestParams: subjectParams,
			responses: { '200': ok(z.object({ subject, indicators: z.array(summary), areas: z.array(area), can: z.object({ set: z.boolean(), report: z.boolean() }) })) }
		})
	},
	'/api/v1/outcomes/{type}/{id}/indicators': {
		post: operation(
			'Set an outcome indicator (programme staff; invested requests, open grant awards and strategies)',
			'Outcomes',
			{ requestParams: subjectParams, requestBody: jsonBody(indicatorInput), responses: { '201': ok(indicator, 'Created') } },
			errorResponses('The request was not invested, or the grant is closed')
		)
	},
	'/api/v1/outcome-indicators/{id}': {
		get: operation('Read an indicator with every reported value and its reviews', 'Outcomes', {
			requestParams: idParam,
			responses: { '200': ok(z.object({ indicator, area, subject, sources: z.array(z.enum(ACTUAL_SOURCES)), history: z.array(actual.extend({ reviews: z.array(review) })) })) }
		})
	},
	'/api/v1/outcome-indicators/{id}/actuals': {
		post: operation('Report a value observed, with evidence links (the partner’s members or programme staff)', 'Outcomes', {
			requestParams: idParam,
			requestBody: jsonBody(actualInput),
			responses: { '201': ok(actual, 'Created') }
		})
	},
	'/api/v1/outcome-actuals/{id}/reviews': {
		post: operation('Review a reported value: status and note (programme staff)', 'Outcomes', {
			requestParams: idParam,
			requestBody: jsonBody(reviewInput),
			responses: { '201': ok(review, 'Created') }
		})
	}
};
