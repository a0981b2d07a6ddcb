import { COUNTRY_CODES } from '../countries.ts';
import { INSIGHT_DIMENSIONS, INSIGHT_TABLES } from '../insight/report-codes.ts';
import { m } from '#lib/paraglide/messages.js';
import { ORGANISATION_KINDS, REGIONS } from '../roles.ts';
import { z } from './zod.ts';

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), z.enum(values)]).optional().default('');
const optionalDate = z.union([z.literal(''), z.iso.date()]).optional().default('');

/**
 * The filters of /insight and its API. The period is inclusive; without one, the current year
 * and the two before it. A programme is named by its slug.
 */
export const insightFilters = z.object({
		from: optionalDate,
		to: optionalDate,
		region: optionalEnum(REGIONS),
		country: optionalEnum(COUNTRY_CODES as [string, ...string[]]),
		kind: optionalEnum(ORGANISATION_KINDS),
		programme: z.union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,80}$/)]).optional().default(''),
		by: z.enum(INSIGHT_DIMENSIONS).optional().default('country')
});
export const insightQuery = insightFilters
	.transform((q) => {
		const year = new Date().getUTCFullYear();
		return { ...q, from: q.from || `${year - 2}-01-01`, to: q.to || `${year}-12-31` };
	})
	.refine((q) => q.from <= q.to, { path: ['to'], error: () => m.insight_period_reversed() })
	.refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 20, { path: ['from'], error: () => m.insight_period_too_long() });
export type InsightQuery = z.output<typeof insightQuery>;

export const insightExportQuery = z.object({ table: z.enum(INSIGHT_TABLES), format: z.enum(['csv', 'xlsx']).optional().default('csv') });
