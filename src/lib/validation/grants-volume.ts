import { z } from './zod.ts';

// Running a call at volume: which applications a bulk action or export covers, and what it does.

/** At most this many applications in one bulk action or selection export. */
export const BULK_LIMIT = 5000;

const filter = {
	status: z.enum(['draft', 'submitted', 'screening', 'in_review', 'more_information', 'decision', 'awarded', 'declined', 'withdrawn', 'closed', '']).default(''),
	call: z.union([z.uuid(), z.literal('')]).default(''),
	q: z.string().trim().max(200).default('')
};

/** Ticked rows, or every application matching the list's filter. */
export const applicationSelection = z.object({
	...filter,
	scope: z.enum(['selected', 'filter']).default('selected'),
	id: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(BULK_LIMIT)).default([])
});
export type ApplicationSelection = z.output<typeof applicationSelection>;

export const EXPORT_KINDS = ['applications', 'reviews', 'awards', 'disbursements'] as const;
export const callExportQuery = z.object({
	...filter,
	what: z.enum(EXPORT_KINDS),
	format: z.enum(['csv', 'xlsx']).default('csv')
});

export const BULK_ACTIONS = ['assign', 'start_screening', 'send_to_review', 'advance_stage', 'to_decision', 'decline'] as const;
export const bulkActionInput = z.object({
	action: z.enum(BULK_ACTIONS),
	reviewerId: z.string().trim().max(100).default(''),
	message: z.string().trim().max(5000).default('')
});

const text = (max: number) => z.string().trim().max(max).default('');
/** A message to applicants: a subject and body per language; English is the fallback and required. */
export const applicantMessageInput = z.object({
	...filter,
	subject_en: z.string().trim().min(1).max(200),
	body_en: z.string().trim().min(1).max(10000),
	subject_es: text(200),
	body_es: text(10000),
	subject_fr: text(200),
	body_fr: text(10000)
});

/** The reviewer workload page: all calls, or one. */
export const workloadQuery = z.object({ call: z.union([z.uuid(), z.literal('')]).default('') });
