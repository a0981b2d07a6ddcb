import { COUNTRY_CODES } from '../countries.ts';
import {
	ACTIVITY_STATUSES,
	AUDIENCES,
	CHANGES_SOUGHT,
	CONTENT_LANGUAGES,
	FAQ_TOPICS,
	RESOURCE_TOPICS,
	RESOURCE_TYPES,
	STAKEHOLDER_TYPES,
	STRATEGY_ROLES
} from '../toolkit-codes.ts';
import { m } from '#lib/paraglide/messages.js';
import { z } from './zod.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const optionalDate = z.union([z.literal(''), z.iso.date()]);
const long = text(10000).default('');

export const strategyInput = z.object({
	title: required(200),
	language: z.enum(CONTENT_LANGUAGES).default('en')
});
export type StrategyInput = z.infer<typeof strategyInput>;

// Every step form names the version it was based on, so a stale save is detected, not applied.
const baseVersion = z.coerce.number().int().min(0);

export const stepInputs = {
	1: z.object({ baseVersion, problem: long, context: long, windows: long, risks: long }),
	2: z.object({
		baseVersion,
		goal: text(2000).default(''),
		deadline: optionalDate.default(''),
		mandate: text(2000).default(''),
		objectives: long,
		tocIf: text(4000).default(''),
		tocThen: text(4000).default(''),
		tocBecause: text(4000).default('')
	}),
	3: z.object({
		baseVersion,
		managerName: text(200).default(''),
		managerRole: text(200).default(''),
		managerEmail: z.union([z.literal(''), z.email().max(320)]).default(''),
		budgetNotes: long
	}),
	4: z.object({ baseVersion, learning: long, adaptations: long })
} as const;

export const collaboratorInput = z.object({
	userId: required(100),
	role: z.enum(STRATEGY_ROLES)
});

const ties = z.array(z.uuid()).max(200).default([]);
export const stakeholderInput = z.object({
	name: required(200),
	type: z.enum(STAKEHOLDER_TYPES),
	position: z.coerce.number().int().min(-2).max(2),
	power: z.coerce.number().int().min(1).max(5),
	interest: z.coerce.number().int().min(1).max(5).default(3),
	notes: text(4000).default(''),
	target: z.boolean().default(false),
	ally: z.boolean().default(false),
	ties
});
export type StakeholderInput = z.infer<typeof stakeholderInput>;
/** A move on the grid (drag or arrow keys) sends only the new position and power. */
export const stakeholderMove = z.object({
	position: z.coerce.number().int().min(-2).max(2),
	power: z.coerce.number().int().min(1).max(5)
});

export const tacticInput = z.object({
	audience: z.enum(AUDIENCES),
	change: z.enum(CHANGES_SOUGHT),
	description: required(2000)
});

export const messageInput = z.object({
	audience: z.enum(AUDIENCES),
	coreMessage: required(2000),
	evidence: text(2000).default(''),
	messenger: text(500).default(''),
	ask: text(1000).default('')
});

const startBeforeDue = (v: { startDate?: string; dueDate?: string }) => !v.startDate || !v.dueDate || v.dueDate >= v.startDate;
export const activityInput = z
	.object({
		title: required(300),
		owner: text(200).default(''),
		startDate: optionalDate.default(''),
		dueDate: optionalDate.default(''),
		status: z.enum(ACTIVITY_STATUSES).default('planned'),
		budget: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
		milestone: z.boolean().default(false),
		deliverable: text(500).default('')
	})
	.refine(startBeforeDue, { path: ['dueDate'], error: () => m.v_end_before_start() });
export type ActivityInput = z.infer<typeof activityInput>;
export const activityStatusInput = z.object({ status: z.enum(ACTIVITY_STATUSES) });

/** The plan's activities as a planner narrows them: one status or all, a page of them at a time. */
export const PLAN_PAGE_SIZE = 50;
export const planQuery = z.object({
	status: z.union([z.literal(''), z.enum(ACTIVITY_STATUSES)]).optional().default(''),
	page: z.coerce.number().int().min(1).max(10000).optional().default(1)
});
export type PlanQuery = z.infer<typeof planQuery>;

/** Status changes sent together from the plan's table: the rows' ids and their chosen statuses, in order. */
export const activityStatusesInput = z
	.object({ ids: z.array(z.uuid()).max(PLAN_PAGE_SIZE), statuses: z.array(z.enum(ACTIVITY_STATUSES)).max(PLAN_PAGE_SIZE) })
	.refine((v) => v.ids.length === v.statuses.length, { path: ['statuses'] });

export const monitoringInput = z.object({
	kind: z.enum(['indicator', 'check_in', 'change']),
	title: required(500),
	detail: text(4000).default(''),
	entryDate: optionalDate.default(''),
	target: text(500).default(''),
	progress: text(500).default('')
});

const codes = <T extends readonly [string, ...string[]]>(values: T, max: number) => z.array(z.enum(values)).max(max).default([]);

const resourceVersion = z.object({
	title: text(300).default(''),
	summary: text(2000).default(''),
	body: text(20000).default(''),
	url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(1000)]).default('')
});
export type ResourceVersionInput = z.infer<typeof resourceVersion>;

/**
 * A library item and its language versions (decision 065). A version is kept when it has a title;
 * one with text or a link but no title is refused rather than dropped, and an item needs at least
 * one version.
 */
export const resourceInput = z
	.object({
		type: z.enum(RESOURCE_TYPES),
		topics: codes(RESOURCE_TOPICS, RESOURCE_TOPICS.length),
		countries: z.array(z.enum(COUNTRY_CODES as [string, ...string[]])).max(50).default([]),
		versions: z.object({ en: resourceVersion.optional(), es: resourceVersion.optional(), fr: resourceVersion.optional() }).default({})
	})
	.superRefine((v, ctx) => {
		for (const l of CONTENT_LANGUAGES) {
			const x = v.versions[l];
			if (x && !x.title && (x.summary || x.body || x.url)) ctx.addIssue({ code: 'custom', path: ['versions', l, 'title'], message: m.v_version_needs_title() });
		}
		if (!CONTENT_LANGUAGES.some((l) => v.versions[l]?.title)) ctx.addIssue({ code: 'custom', path: ['versions', 'en', 'title'], message: m.v_resource_needs_a_version() });
	});
export type ResourceInput = z.infer<typeof resourceInput>;

export const libraryQuery = z.object({
	q: text(200).optional().default(''),
	type: z.union([z.literal(''), z.enum(RESOURCE_TYPES)]).optional().default(''),
	topic: z.union([z.literal(''), z.enum(RESOURCE_TOPICS)]).optional().default(''),
	language: z.union([z.literal(''), z.enum(CONTENT_LANGUAGES)]).optional().default(''),
	country: z.union([z.literal(''), z.enum(COUNTRY_CODES as [string, ...string[]])]).optional().default(''),
	page: z.coerce.number().int().min(1).max(100000).optional().default(1),
	pageSize: z.coerce.number().int().min(1).max(100).optional().default(20)
});
export type LibraryQuery = z.infer<typeof libraryQuery>;

export const faqInput = z.object({
	topic: z.enum(FAQ_TOPICS),
	position: z.coerce.number().int().min(0).max(1000).default(0),
	questionEn: required(500),
	questionEs: required(500),
	questionFr: required(500),
	answerEn: required(10000),
	answerEs: required(10000),
	answerFr: required(10000),
	resourceIds: z.array(z.uuid()).max(20).default([])
});
export type FaqInput = z.infer<typeof faqInput>;

export const faqQuery = z.object({
	q: text(200).optional().default(''),
	topic: z.union([z.literal(''), z.enum(FAQ_TOPICS)]).optional().default('')
});
