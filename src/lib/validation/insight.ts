import { ACTUAL_SOURCES, OUTCOME_STATUSES } from '../insight/codes.ts';
import { z } from './zod.ts';

const number = z.coerce.number().finite().min(-1e12).max(1e12);

export const indicatorInput = z.object({
	impactArea: z.string().trim().min(1).max(60),
	measure: z.string().trim().min(1).max(300),
	unit: z.string().trim().max(40).default(''),
	baseline: number,
	target: number,
	targetDate: z.iso.date(),
	evidenceExpected: z.string().trim().max(2000).default('')
});
export type IndicatorInput = z.infer<typeof indicatorInput>;

// A form sends evidence links as one text area, one link a line; the API sends an array.
const links = z.preprocess(
	(v) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v),
	z.array(z.url({ protocol: /^https?$/ }).max(500)).max(20)
);

export const actualInput = z.object({
	source: z.enum(ACTUAL_SOURCES),
	sourceId: z.union([z.uuid(), z.literal('')]).default(''),
	value: number,
	observedOn: z.iso.date(),
	evidenceLinks: links.default([]),
	note: z.string().trim().max(2000).default('')
});
export type ActualInput = z.infer<typeof actualInput>;

export const reviewInput = z.object({
	status: z.enum(OUTCOME_STATUSES),
	note: z.string().trim().max(2000).default('')
});

export const impactAreaInput = z.object({
	name: z.string().trim().min(2).max(80)
});
