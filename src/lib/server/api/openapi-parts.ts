import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { z } from 'zod';

// Pieces every capability's part of the OpenAPI document is written with, so that all of them
// describe errors, bodies and ids the same way.

export const problem = z.object({
	error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() })
});

export const jsonBody = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
export const ok = (schema: z.ZodType, description = 'OK') => ({ description, ...jsonBody(schema) });
export const idParam = { path: z.object({ id: z.uuid() }) };

/** The errors every endpoint can answer; `conflict` adds a 409 described in the capability's words. */
export function errorResponses(conflict?: string) {
	return {
		'400': ok(problem, 'Invalid input, with a message per field'),
		'401': ok(problem, 'Not signed in and no valid API token'),
		'403': ok(problem, 'Not allowed'),
		'404': ok(problem, 'Not found, or not visible to you'),
		...(conflict ? { '409': ok(problem, conflict) } : {})
	};
}

/** One operation: its own responses come on top of the shared errors. */
export function operation(summary: string, tag: string, rest: Partial<ZodOpenApiOperationObject>, errors = errorResponses()): ZodOpenApiOperationObject {
	return { summary, tags: [tag], ...rest, responses: { ...errors, ...(rest.responses ?? {}) } } as ZodOpenApiOperationObject;
}
