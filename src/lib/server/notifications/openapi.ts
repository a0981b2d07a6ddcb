import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses, idParam, jsonBody, ok, operation } from '../api/openapi-parts.ts';
import { DELIVERY_MODES, NOTIFICATION_CATEGORIES } from '../../notifications/categories.ts';
import { notificationPreferencesInput } from '../../validation/notifications.ts';

// The notifications API: each person reads and marks only their own notices.

const errors = errorResponses('Refused: someone else’s notice (404), or a mode outside the allowed set (400)');
const op = (summary: string, rest: Partial<ZodOpenApiOperationObject>) => operation(summary, 'Notifications', rest, errors);

const notification = z.object({
	id: z.uuid(),
	category: z.enum(NOTIFICATION_CATEGORIES),
	title: z.string().meta({ description: 'In the caller’s language; never names a partner' }),
	subjectKind: z.string(),
	subjectId: z.string(),
	href: z.string().meta({ description: 'Path in the hub where the item is handled' }),
	read: z.boolean(),
	createdAt: z.iso.datetime()
});
const preferences = z.object(Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, z.enum(DELIVERY_MODES)])));

export const notificationsPaths: ZodOpenApiPathsObject = {
	'/api/v1/notifications': {
		get: op('The caller’s latest 50 notices, newest first', {
			requestParams: { query: z.object({ unread: z.enum(['true', 'false']).optional() }) },
			responses: { '200': ok(z.object({ items: z.array(notification), unread: z.number() })) }
		})
	},
	'/api/v1/notifications/{id}/read': {
		post: op('Mark one of the caller’s notices read', { requestParams: idParam, responses: { '200': ok(z.object({ id: z.uuid(), read: z.boolean() })) } })
	},
	'/api/v1/notifications/read-all': {
		post: op('Mark all the caller’s notices read', { responses: { '200': ok(z.object({ marked: z.number() })) } })
	},
	'/api/v1/notification-preferences': {
		get: op('How each category reaches the caller', { responses: { '200': ok(preferences) } }),
		put: op('Change how some categories reach the caller', { requestBody: jsonBody(notificationPreferencesInput), responses: { '200': ok(preferences) } })
	}
};
