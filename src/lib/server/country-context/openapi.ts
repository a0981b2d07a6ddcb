import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses, idParam, ok, operation } from '../api/openapi-parts.ts';
import { COUNTRY_DATASET_KINDS } from '../../country-context/codes.ts';
import { countryDatasetInput } from '../../validation/country-context.ts';

// Country context's part of the API document. The upload is the page's own form, sent as multipart.
const datasetImport = z.object({
	id: z.uuid(),
	kind: z.enum(COUNTRY_DATASET_KINDS),
	source: z.string(),
	sourceDate: z.iso.date(),
	licence: z.string(),
	fileName: z.string(),
	rowCount: z.number().int(),
	createdAt: z.iso.datetime()
});
const listed = datasetImport.extend({
	importedBy: z.string().nullable(),
	seenBy: z.number().int().describe('How many assessments recorded this import as the evidence they saw; such an import cannot be deleted')
});
const upload = countryDatasetInput.extend({
	file: z.string().meta({ format: 'binary' }).describe('Ratings: CSV with the header country,rating,band. Publications: the OCP Data Registry’s JSON list. At most 2 MB, UTF-8.')
});

export const countryContextPaths: ZodOpenApiPathsObject = {
	'/api/v1/country-datasets': {
		get: operation('List the imported country datasets, newest first, with their source, date, licence and how many assessments saw each (staff)', 'Country context', {
			responses: { '200': ok(z.object({ items: z.array(listed), canImport: z.boolean() })) }
		}),
		post: operation(
			'Import a country dataset file with its source, date and licence (programme officers and admins). A file with any bad row imports nothing; `error.fields.file` lists one message per row, as the page shows them.',
			'Country context',
			{
				requestBody: { content: { 'multipart/form-data': { schema: upload } } },
				responses: {
					'201': ok(datasetImport.extend({ importedBy: z.string().nullable() }), 'Imported'),
					'413': ok(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'The file is larger than 2 MB'),
					'415': ok(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not sent as multipart/form-data')
				}
			}
		)
	},
	'/api/v1/country-datasets/{id}': {
		delete: operation(
			'Delete an import and its rows (programme officers and admins)',
			'Country context',
			{ requestParams: idParam, responses: { '200': ok(z.object({ id: z.uuid(), fileName: z.string() }), 'Deleted') } },
			errorResponses('An assessment recorded this import as the evidence it saw, so it is kept')
		)
	}
};
