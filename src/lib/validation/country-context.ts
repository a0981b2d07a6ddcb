import { COUNTRY_DATASET_KINDS } from '../country-context/codes.ts';
import { m } from '#lib/paraglide/messages.js';
import { z } from './zod.ts';

/** What staff say about an imported file: which dataset, where it comes from, its date and licence. */
export const countryDatasetInput = z.object({
	kind: z.enum(COUNTRY_DATASET_KINDS),
	source: z.string().trim().min(1).max(200),
	sourceDate: z.iso.date().refine((d) => d <= new Date().toISOString().slice(0, 10), { error: () => m.cc_e_future_date() }),
	licence: z.string().trim().min(1).max(500)
});
export type CountryDatasetInput = z.infer<typeof countryDatasetInput>;
