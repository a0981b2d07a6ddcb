// Shared by pages and the server; free of zod so it adds nothing to the browser bundle.

/** The country datasets staff can import, each shown beside one assessment criterion. */
export const COUNTRY_DATASET_KINDS = ['civic_space', 'open_contracting'] as const;
export type CountryDatasetKind = (typeof COUNTRY_DATASET_KINDS)[number];

/**
 * Which criterion each dataset is evidence for. Evidence sits beside the assessor's judgement and
 * never scores anything by itself.
 */
export const EVIDENCE_FOR_CRITERION: Record<string, CountryDatasetKind> = {
	data_infrastructure: 'open_contracting',
	physical_security: 'civic_space'
};

/** How often a publication is updated, in the registry's own words. */
export const PUBLICATION_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'half_yearly', 'annually', 'irregular'] as const;
export type PublicationFrequency = (typeof PUBLICATION_FREQUENCIES)[number];

/** The largest file accepted: country lists are small, so anything bigger is a mistake. */
export const COUNTRY_DATASET_MAX_BYTES = 2 * 1024 * 1024;
