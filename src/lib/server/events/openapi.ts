import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses, idParam, jsonBody, ok, operation } from '../api/openapi-parts.ts';
import { eventInput, eventsQuery, registrationInput } from '../../validation/events.ts';

// The events API, merged into the hub's OpenAPI document. Bodies use the forms' own schemas.

const calendar = { description: 'An iCalendar file (RFC 5545)', content: { 'text/calendar': { schema: z.string() } } };
const errors = errorResponses('Refused: full without a waitlist, closed, past, or a move that is not allowed');
const op = (summary: string, rest: Partial<ZodOpenApiOperationObject>) => operation(summary, 'Events', rest, errors);

const event = z.object({
	id: z.uuid(),
	title: z.string(),
	description: z.string(),
	formatId: z.uuid(),
	levelId: z.uuid().nullable(),
	seriesId: z.uuid().nullable(),
	languages: z.array(z.string()),
	communityCall: z.boolean(),
	startsAt: z.iso.datetime().meta({ description: 'UTC' }),
	endsAt: z.iso.datetime(),
	timeZone: z.string().meta({ description: 'The organiser’s IANA time zone' }),
	capacity: z.number().nullable(),
	approvalRequired: z.boolean(),
	waitlistEnabled: z.boolean(),
	status: z.enum(['draft', 'published', 'cancelled'])
});
const listItem = z.object({ id: z.uuid(), title: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), timeZone: z.string(), languages: z.array(z.string()), status: z.string(), format: z.string(), level: z.string(), topics: z.array(z.string()), seatsLeft: z.number().nullable(), summary: z.string().nullable() });
const registration = z.object({ id: z.uuid(), eventId: z.uuid(), name: z.string().nullable().describe('null for a person whose data was erased (shown as “former user” on pages)'), email: z.string().nullable().describe('null once the person’s data was erased or the guest registration anonymised'), status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled', 'declined']), attended: z.boolean().nullable(), createdAt: z.iso.datetime(), manageUrl: z.url() });
const attendee = z.object({ id: z.uuid(), name: z.string().nullable().describe('null for an erased person or an anonymised guest'), email: z.string().nullable().describe('null for an erased person or an anonymised guest; empty for an attendee of a sensitive partner whose identity the reader is not entitled to'), status: z.string(), attended: z.boolean().nullable(), organisation: z.string(), sensitive: z.boolean(), country: z.string(), feedbackGiven: z.boolean() });

export const eventsPaths: ZodOpenApiPathsObject = {
	'/api/v1/events': {
		get: op('List the public catalogue', { requestParams: { query: eventsQuery.extend({ tz: z.string().optional().meta({ description: 'IANA zone for the date filters; defaults to the account’s' }) }) }, responses: { '200': ok(z.object({ items: z.array(listItem), total: z.number(), page: z.number(), pageSize: z.number() })) } }),
		post: op('Create an event (programme staff)', { requestBody: jsonBody(eventInput), responses: { '201': ok(event, 'Created') } })
	},
	'/api/v1/events/{id}': {
		get: op('Read an event (never its meeting link)', { requestParams: idParam, responses: { '200': ok(event.extend({ seatsLeft: z.number().nullable(), registrationOpen: z.boolean() })) } }),
		put: op('Replace an event (programme staff); raising capacity promotes from the waitlist', { requestParams: idParam, requestBody: jsonBody(eventInput), responses: { '200': ok(event) } })
	},
	'/api/v1/events/{id}/registrations': {
		get: op('The attendee list (staff)', { requestParams: idParam, responses: { '200': ok(z.object({ items: z.array(attendee) })) } }),
		post: op('Register the caller; name and e-mail come from the account', { requestParams: idParam, requestBody: jsonBody(registrationInput.pick({ consent: true, organisationName: true, country: true })), responses: { '200': ok(registration, 'The caller already has a place: it is unchanged'), '201': ok(registration, 'Registered: confirmed, waitlisted or pending approval') } })
	},
	'/api/v1/registrations/{id}': {
		delete: op('Cancel a registration (one’s own, or any for staff)', { requestParams: idParam, responses: { '200': ok(registration) } })
	},
	'/api/v1/events/{id}/calendar.ics': {
		get: op('The caller’s own calendar file for an event', { requestParams: idParam, responses: { '200': calendar } })
	},
	'/api/v1/events/calendar.ics': {
		get: op('The catalogue as an iCalendar feed (no meeting links, no attendees)', { responses: { '200': calendar } })
	}
};
