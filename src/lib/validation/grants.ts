import { COLUMN_TYPES, FIELD_TYPES } from '../server/grants/definition.ts';
import { LOCALES, ORGANISATION_KINDS } from '../roles.ts';
import { z } from './zod.ts';

// Programme definitions are data: these schemas check a call's screener, stages, forms and
// rubrics before they are stored, and the inputs of every step of an application.

const id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);
export const translated = z.object({
	en: z.string().trim().min(1).max(2000),
	es: z.string().trim().max(2000).optional(),
	fr: z.string().trim().max(2000).optional()
});
const option = z.object({ value: id, label: translated });

const fieldBase = {
	id,
	label: translated,
	help: translated.optional(),
	required: z.boolean().optional(),
	min: z.number().optional(),
	max: z.number().optional(),
	maxLength: z.number().int().positive().optional(),
	notPast: z.boolean().optional(),
	options: z.array(option).optional(),
	minRows: z.number().int().min(0).optional(),
	maxRows: z.number().int().positive().optional(),
	maxBytes: z.number().int().positive().optional()
};
const column = z.object({ ...fieldBase, type: z.enum(COLUMN_TYPES) });
const field = z
	.object({ ...fieldBase, type: z.enum(FIELD_TYPES), columns: z.array(column).optional() })
	.refine((f) => f.type !== 'rows' || (f.columns?.length ?? 0) > 0, { message: 'rows need columns', path: ['columns'] })
	.refine((f) => !['single_choice', 'multiple_choice'].includes(f.type) || (f.options?.length ?? 0) > 0, {
		message: 'choices need options',
		path: ['options']
	});
export const formDefinition = z.object({
	sections: z.array(z.object({ id, title: translated, fields: z.array(field).min(1) })).min(1),
	amount: z.object({ field: id, column: id.optional() }).optional(),
	justificationField: id.optional(),
	titleField: id.optional()
});
export const screenerDefinition = z.object({
	questions: z.array(
		z.object({ id, text: translated, help: translated.optional(), options: z.array(option).min(2), qualifying: z.array(id).min(1), failReason: translated })
	)
});
export const rubricDefinition = z.object({
	criteria: z.array(z.object({ id, label: translated, help: translated.optional(), weight: z.number().positive(), maxPoints: z.number().int().positive() })).min(1)
});
export const stageDefinition = z.object({
	id,
	name: translated,
	form: formDefinition.optional(),
	rubric: rubricDefinition.optional(),
	reviewers: z.object({ roles: z.array(z.enum(['reviewer', 'external_reviewer', 'programme_officer', 'admin'])).min(1), count: z.number().int().min(0) }),
	advance: z.object({ minMeanPercent: z.number().min(0).max(100), minReviews: z.number().int().min(0) }).optional()
});

export const callDefinition = z
	.object({
		programme: z.object({ slug: z.string().regex(/^[a-z0-9-]{2,60}$/), name: translated, description: translated, leadEmail: z.email().optional() }),
		slug: z.string().regex(/^[a-z0-9-]{2,60}$/),
		title: translated,
		summary: translated,
		rolling: z.boolean(),
		opensAt: z.iso.datetime({ offset: true }).optional(),
		closesAt: z.iso.datetime({ offset: true }).optional(),
		timeZone: z.string().min(1),
		currency: z.string().regex(/^[A-Z]{3}$/),
		budget: z.number().int().min(0),
		maxAward: z.number().int().positive(),
		languages: z.array(z.enum(LOCALES)).min(1),
		whoMayApply: z.array(z.enum(ORGANISATION_KINDS)).default([]),
		screener: screenerDefinition,
		stages: z.array(stageDefinition).min(1),
		decisionTargetDays: z.number().int().positive().max(250).nullable().default(null),
		reportMonths: z.array(z.number().int().positive().max(60)).default([])
	})
	.refine((c) => c.rolling || (c.opensAt && c.closesAt && c.closesAt > c.opensAt), { message: 'dated calls need an opening before their closing', path: ['closesAt'] })
	.refine((c) => !!c.stages[0].form, { message: 'the first stage needs a form', path: ['stages'] });
export type CallDefinition = z.input<typeof callDefinition>;

export const startApplicationInput = z.object({
	callId: z.uuid(),
	organisationId: z.uuid(),
	screener: z.record(z.string(), z.string()).default({})
});

export const answersInput = z.object({
	answers: z.record(z.string(), z.unknown()),
	screener: z.record(z.string(), z.string()).optional()
});

export const transitionInput = z.object({
	transition: z.string().min(1).max(40),
	/** The version the person saw; a stale one loses to whoever acted first. */
	version: z.coerce.number().int().positive(),
	message: z.string().trim().max(5000).default('')
});

export const assignReviewerInput = z.object({ reviewerId: z.string().min(1).max(100) });
export const declarationInput = z.object({
	conflict: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === 'yes', z.boolean()),
	note: z.string().trim().max(2000).default('')
});
export const reviewInput = z.object({
	scores: z.record(z.string(), z.object({ points: z.coerce.number(), comment: z.string().trim().max(3000).default('') })),
	comment: z.string().trim().max(5000).default(''),
	revision: z.coerce.number().int().positive()
});
export const awardInput = z.object({
	version: z.coerce.number().int().positive(),
	amount: z.coerce.number().int().positive(),
	conditions: z.string().trim().max(5000).default(''),
	message: z.string().trim().max(5000).default('')
});
const isoDate = z.iso.date();
export const trancheInput = z.object({ plannedDate: isoDate, plannedAmount: z.coerce.number().int().positive() });
export const tranchePaymentInput = z.object({ paidDate: isoDate, paidAmount: z.coerce.number().int().positive() });
export const REPORT_CHANGES = ['policy', 'regulation', 'practice'] as const;
export const reportInput = z.object({
	changes: z.array(z.enum(REPORT_CHANGES)).default([]),
	narrative: z.string().trim().min(1).max(10000),
	evidenceLinks: z.array(z.url({ protocol: /^https?$/ }).max(500)).max(20).default([])
});

export const APPLICATION_SORTS = ['-submitted', 'submitted', 'title', '-amount', 'due'] as const;
export const applicationQuery = z.object({
	status: z.enum(['draft', 'submitted', 'screening', 'in_review', 'more_information', 'decision', 'awarded', 'declined', 'withdrawn', 'closed', '']).default(''),
	call: z.union([z.uuid(), z.literal('')]).default(''),
	q: z.string().trim().max(200).default(''),
	sort: z.enum(APPLICATION_SORTS).default('-submitted'),
	page: z.coerce.number().int().min(1).max(100000).default(1)
});
export type ApplicationQuery = z.output<typeof applicationQuery>;

/** Working days to a decision; 0 or empty removes the target. */
export const decisionTargetInput = z.object({ days: z.coerce.number().int().min(0).max(250) });
