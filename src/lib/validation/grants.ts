import { COLUMN_TYPES, FIELD_TYPES } from '../server/grants/definition.ts';
import { m } from '#lib/paraglide/messages.js';
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
	maxBytes: z.number().int().positive().optional(),
	identifying: z.boolean().optional(),
	archived: z.boolean().optional()
};
const column = z.strictObject({ ...fieldBase, type: z.enum(COLUMN_TYPES) });
const field = z.object({ ...fieldBase, type: z.enum(FIELD_TYPES), columns: z.array(column).optional() });
export const formDefinition = z.object({
	sections: z.array(z.object({ id, title: translated, fields: z.array(field).min(1, { error: () => m.builder_e_section_needs_field() }) })).min(1, { error: () => m.builder_e_form_needs_section() }),
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

const callDefinitionShape = z.object({
		programme: z.object({ slug: z.string().regex(/^[a-z0-9-]{2,60}$/), name: translated, description: translated, leadEmail: z.email().optional() }),
		slug: z.string().regex(/^[a-z0-9-]{2,60}$/),
		title: translated,
		summary: translated,
		rolling: z.boolean(),
		opensAt: z.iso.datetime({ offset: true }).optional(),
		closesAt: z.iso.datetime({ offset: true }).optional(),
		timeZone: z.string().min(1),
		/** Opened and closed by the hub at the dates, in the call's time zone. */
		scheduled: z.boolean().default(false),
		currency: z.string().regex(/^[A-Z]{3}$/),
		budget: z.number().int().min(0),
		maxAward: z.number().int().positive(),
		languages: z.array(z.enum(LOCALES)).min(1),
		whoMayApply: z.array(z.enum(ORGANISATION_KINDS)).default([]),
		screener: screenerDefinition,
		stages: z.array(stageDefinition).min(1, { error: () => m.builder_e_call_needs_stage() }),
		decisionTargetDays: z.number().int().positive().max(250).nullable().default(null),
		reportMonths: z.array(z.number().int().positive().max(60)).default([])
	});
export const callDefinition = callDefinitionShape.superRefine(callRules);
export type CallDefinition = z.input<typeof callDefinition>;

type Issue = (message: string, path: (string | number)[]) => void;
type ParsedField = z.output<typeof field> | z.output<typeof column>;

/** Limits, options and columns of one field or column; `at` is where its inputs live. */
function fieldRules(f: ParsedField, at: (string | number)[], issue: Issue) {
	if (f.min !== undefined && f.max !== undefined && f.max < f.min) issue(m.builder_e_max_below_min(), [...at, 'max']);
	if (f.minRows !== undefined && f.maxRows !== undefined && f.maxRows < f.minRows) issue(m.builder_e_max_below_min(), [...at, 'maxRows']);
	if ((f.type === 'single_choice' || f.type === 'multiple_choice') && !(f.options?.length)) issue(m.builder_e_choice_needs_options(), [...at, 'options']);
	const values = (f.options ?? []).map((o) => o.value);
	if (new Set(values).size !== values.length) issue(m.builder_e_duplicate_option(), [...at, 'options']);
	if (f.type === 'rows') {
		const columns = 'columns' in f ? (f.columns ?? []) : [];
		if (!columns.length) issue(m.builder_e_rows_need_columns(), [...at, 'columns']);
		const ids = columns.map((c) => c.id);
		if (new Set(ids).size !== ids.length) issue(m.builder_e_duplicate_id(), [...at, 'columns']);
		columns.forEach((c, i) => fieldRules(c, [...at, 'columns', i], issue));
	}
}

/**
 * The rules a definition must keep beyond its shape, each reported where its input is, in the
 * reader's language (these run while parsing, inside the request). Shared by the builder pages
 * and the API, so both refuse the same things.
 */
function callRules(c: z.output<typeof callDefinitionShape>, ctx: z.RefinementCtx) {
	const issue: Issue = (message, path) => ctx.addIssue({ code: 'custom', message, path });
	if (!c.rolling) {
		if (!c.opensAt) issue(m.v_required(), ['opensAt']);
		if (!c.closesAt) issue(m.v_required(), ['closesAt']);
		if (c.opensAt && c.closesAt && Date.parse(c.closesAt) <= Date.parse(c.opensAt)) issue(m.builder_e_close_before_open(), ['closesAt']);
	} else if (c.scheduled) issue(m.builder_e_schedule_needs_dates(), ['scheduled']);
	const questionIds = new Set<string>();
	c.screener.questions.forEach((q, i) => {
		if (questionIds.has(q.id)) issue(m.builder_e_duplicate_id(), ['screener', 'questions', i, 'id']);
		questionIds.add(q.id);
		const values = q.options.map((o) => o.value);
		if (new Set(values).size !== values.length) issue(m.builder_e_duplicate_option(), ['screener', 'questions', i, 'options']);
		if (q.qualifying.some((v) => !values.includes(v))) issue(m.builder_e_unknown_option(), ['screener', 'questions', i, 'qualifying']);
	});
	// Without any stage, the shape's own message says so; the rules below must not trip over it.
	if (c.stages.length && !c.stages[0].form) issue(m.builder_e_first_stage_form(), ['stages', 0, 'hasForm']);
	const stageIds = new Set<string>();
	c.stages.forEach((s, si) => {
		const at = ['stages', si];
		if (stageIds.has(s.id)) issue(m.builder_e_duplicate_id(), [...at, 'id']);
		stageIds.add(s.id);
		// An interview has no form but is scored on a rubric; a stage with neither has nothing to review.
		if (s.reviewers.count > 0 && !s.form && !s.rubric) issue(m.builder_e_reviews_need_form(), [...at, 'hasForm']);
		const criteria = s.rubric?.criteria.map((k) => k.id) ?? [];
		criteria.forEach((id, ci) => {
			if (criteria.indexOf(id) !== ci) issue(m.builder_e_duplicate_id(), [...at, 'rubric', 'criteria', ci, 'id']);
		});
		if (!s.form) return;
		const seen = new Map<string, ParsedField>();
		s.form.sections.forEach((sec, xi) =>
			sec.fields.forEach((f, fi) => {
				const fat = [...at, 'form', 'sections', xi, 'fields', fi];
				if (seen.has(f.id)) issue(m.builder_e_duplicate_id(), [...fat, 'id']);
				seen.set(f.id, f);
				fieldRules(f, fat, issue);
			})
		);
		const sectionIds = s.form.sections.map((x) => x.id);
		sectionIds.forEach((id, xi) => {
			if (sectionIds.indexOf(id) !== xi) issue(m.builder_e_duplicate_id(), [...at, 'form', 'sections', xi, 'id']);
		});
		const { titleField, amount, justificationField } = s.form;
		if (titleField && (!['short_text', 'long_text'].includes(seen.get(titleField)?.type ?? '') || seen.get(titleField)?.archived)) issue(m.builder_e_title_field(), [...at, 'form', 'titleField']);
		if (justificationField && seen.get(justificationField)?.type !== 'long_text' && seen.get(justificationField)?.type !== 'short_text')
			issue(m.builder_e_unknown_field(), [...at, 'form', 'justificationField']);
		if (amount) {
			const f = seen.get(amount.field);
			const ok = amount.column
				? f?.type === 'rows' && f.columns?.some((k) => k.id === amount.column && (k.type === 'money' || k.type === 'number'))
				: f?.type === 'money' || f?.type === 'number';
			if (!ok || f?.archived) issue(m.builder_e_amount_field(), [...at, 'form', 'amount', 'field']);
		}
	});
}

/** A step in a call's life, quoting the version the officer saw. */
export const callStatusInput = z.object({
	transition: z.enum(['open', 'close', 'reopen', 'archive']),
	version: z.coerce.number().int().positive()
});

/** A whole definition saved over a call, quoting the version it was read at (API). */
export const callUpdateInput = z.object({ version: z.number().int().positive(), definition: z.record(z.string(), z.unknown()) });

export const startApplicationInput = z.object({
	callId: z.uuid(),
	organisationId: z.uuid(),
	screener: z.record(z.string(), z.string()).default({})
});

export const answersInput = z.object({
	answers: z.record(z.string(), z.unknown()),
	screener: z.record(z.string(), z.string()).optional(),
	/** The answers version the save started from: what was saved since is merged question by question; a question both changed is a conflict (409). */
	baseVersion: z.coerce.number().int().min(0).max(2_147_483_647).optional()
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
	message: z.string().trim().max(5000).default(''),
	/** An admin's reason for awarding more than the call has left; otherwise empty. */
	overrideReason: z.string().trim().max(2000).default('')
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

/** Two published versions of a call to compare (the call page's "compare versions"). */
export const versionDiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
