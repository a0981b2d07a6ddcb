import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses, idParam, ok, operation } from '../api/openapi-parts.ts';
import { CONTACT_STATUSES, CONTACT_TOPICS } from '../../contact/codes.ts';

// The contact inbox API: programme officers and admins read what visitors wrote (decision 045).

const errors = errorResponses('Refused: only programme officers and admins read the contact inbox (403), or no such message (404)');
const op = (summary: string, rest: Partial<ZodOpenApiOperationObject>) => operation(summary, 'Contact', rest, errors);

const summary = z.object({
	id: z.uuid(),
	topic: z.enum(CONTACT_TOPICS),
	name: z.string().meta({ description: 'Empty when the sender gave none' }),
	status: z.enum(CONTACT_STATUSES),
	createdAt: z.iso.datetime(),
	preview: z.string().meta({ description: 'The first 120 characters of the message' })
});
const message = z.object({
	id: z.uuid(),
	topic: z.enum(CONTACT_TOPICS),
	name: z.string(),
	email: z.string().meta({ description: 'Empty when the sender wants no answer' }),
	message: z.string(),
	locale: z.enum(['en', 'es', 'fr']).meta({ description: 'The language the sender wrote in; answers go out in it' }),
	status: z.enum(CONTACT_STATUSES),
	answer: z.string().nullable(),
	answeredAt: z.iso.datetime().nullable(),
	closedAt: z.iso.datetime().nullable(),
	createdAt: z.iso.datetime()
});

export const contactPaths: ZodOpenApiPathsObject = {
	'/api/v1/contact-messages': {
		get: op('The contact inbox: open messages first (oldest first), then the latest answered or closed, at most 100', {
			responses: { '200': ok(z.object({ items: z.array(summary), open: z.number().meta({ description: 'How many messages wait for an answer' }) })) }
		})
	},
	'/api/v1/contact-messages/{id}': {
		get: op('One message from the contact form', { requestParams: idParam, responses: { '200': ok(message) } })
	}
};
