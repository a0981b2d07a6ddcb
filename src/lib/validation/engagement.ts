import { COUNTRY_CODES } from '../countries.ts';
import { CONFIDENCES, DECISIONS, GATE_STATES, LEVELS, REQUEST_KINDS, REQUEST_STATUSES } from '../engagement-codes.ts';
import { REGIONS } from '../roles.ts';
import { m } from '#lib/paraglide/messages.js';
import { countryCode } from './country.ts';
import { z } from './zod.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.uuid();

const requestFields = {
	kinds: z.array(z.enum(REQUEST_KINDS)).min(1).max(REQUEST_KINDS.length),
	goal: required(2000),
	problem: text(4000),
	context: text(4000),
	governmentCounterparts: text(2000),
	otherCounterparts: text(2000),
	country: countryCode,
	timeline: text(1000),
	resourcesCommitted: text(2000)
};
export const requestInput = z.object({
	organisationId: uuid,
	...requestFields,
	problem: requestFields.problem.default(''),
	context: requestFields.context.default(''),
	governmentCounterparts: requestFields.governmentCounterparts.default(''),
	otherCounterparts: requestFields.otherCounterparts.default(''),
	timeline: requestFields.timeline.default(''),
	resourcesCommitted: requestFields.resourcesCommitted.default('')
});
export type RequestInput = z.infer<typeof requestInput>;
/** The request form without the organisation, which does not change after the request is made. */
export const requestEditInput = requestInput.omit({ organisationId: true });
export const requestPatch = z.object(requestFields).partial();

export const assignInput = z.object({ assessorIds: z.array(z.string().min(1).max(100)).min(1).max(10) });

/** '' → not answered yet (undefined); 'unknown' → null; otherwise a level on the 0–4 scale. */
const level = z
	.union([z.number(), z.string(), z.null()])
	.optional()
	.transform((v, ctx) => {
		if (v === undefined || v === '') return undefined;
		if (v === null || v === 'unknown') return null;
		const n = typeof v === 'number' ? v : Number(v);
		if (!Number.isInteger(n) || n < LEVELS[0] || n > LEVELS[LEVELS.length - 1]) {
			ctx.addIssue({ code: 'custom', message: m.eng_v_level() });
			return z.NEVER;
		}
		return n;
	});
export const scoreInput = z.object({
	level,
	note: text(4000).default(''),
	confidence: z.enum(CONFIDENCES).default('medium')
});
export const assessmentInput = z.object({
	scores: z.record(z.string().min(1).max(64), scoreInput),
	submit: z.boolean().default(false)
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const decisionInput = z.object({
	decision: z.enum(DECISIONS),
	rationale: required(5000),
	/** An admin deciding "invest" past a triggered gate without an approved safety plan; needs a reason. */
	overrideGate: z.boolean().default(false),
	overrideReason: text(2000).default('')
});
export type DecisionInput = z.infer<typeof decisionInput>;

/** The safety plan a triggered physical-security gate asks for: every part is required. */
export const safetyPlanInput = z.object({
	risks: required(4000),
	mitigations: required(4000),
	responsible: required(500),
	safeContact: required(2000),
	reviewOn: z.iso.date()
});
export type SafetyPlanInput = z.infer<typeof safetyPlanInput>;

const translated = (max: number) => z.object({ en: required(max), es: required(max), fr: required(max) });
const criterionInput = z.object({
	key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
	title: translated(120),
	question: translated(600),
	descriptors: z.array(translated(400)).length(5),
	weight: z.number().min(0).max(10),
	polarity: z.enum(['positive', 'negative'])
});
const bandInput = z.object({ code: z.string().regex(/^[a-z][a-z_]{1,30}$/), min: z.number().min(0).max(100), label: translated(60) });
export const criteriaSetInput = z
	.object({
		criteria: z.array(criterionInput).min(1).max(30),
		bands: z.array(bandInput).min(1).max(6),
		gate: z.object({ criterion: z.string(), atOrBelow: z.number().int().min(0).max(4) }).nullable().default(null),
		note: text(1000).default('')
	})
	.refine((v) => v.criteria.some((c) => c.weight > 0), { path: ['criteria'], error: () => m.eng_v_weights_all_zero() })
	.refine((v) => new Set(v.criteria.map((c) => c.key)).size === v.criteria.length, { path: ['criteria'], error: () => m.eng_v_duplicate_keys() })
	.refine(
		(v) => v.bands.every((b, i) => i === 0 || b.min < v.bands[i - 1].min) && v.bands[v.bands.length - 1]?.min === 0,
		{ path: ['bands'], error: () => m.eng_v_bands_order() }
	)
	.refine((v) => !v.gate || v.criteria.some((c) => c.key === v.gate!.criterion), { path: ['gate'], error: () => m.v_invalid_choice() });
export type CriteriaSetInput = z.infer<typeof criteriaSetInput>;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), z.enum(values)]).optional().default('');
export const portfolioQuery = z.object({
	country: optionalEnum(COUNTRY_CODES as [string, ...string[]]),
	region: optionalEnum(REGIONS),
	status: optionalEnum(REQUEST_STATUSES),
	kind: optionalEnum(REQUEST_KINDS),
	band: z.union([z.literal(''), z.string().regex(/^[a-z][a-z_]{1,30}$/)]).optional().default(''),
	gate: optionalEnum(GATE_STATES),
	page: z.coerce.number().int().min(1).max(100000).optional().default(1),
	pageSize: z.coerce.number().int().min(1).max(200).optional().default(25)
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;
