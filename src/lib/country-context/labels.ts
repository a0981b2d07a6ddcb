import { m } from '#lib/paraglide/messages.js';
import type { CountryDatasetKind } from './codes.ts';

export const datasetKindLabel = (k: CountryDatasetKind) => (k === 'civic_space' ? m.cc_kind_civic_space() : m.cc_kind_open_contracting());

const FREQUENCY: Record<string, () => string> = {
	daily: m.cc_freq_daily,
	weekly: m.cc_freq_weekly,
	monthly: m.cc_freq_monthly,
	quarterly: m.cc_freq_quarterly,
	half_yearly: m.cc_freq_half_yearly,
	annually: m.cc_freq_annually,
	irregular: m.cc_freq_irregular
};
export const frequencyLabel = (f: string) => FREQUENCY[f]?.() ?? f;
