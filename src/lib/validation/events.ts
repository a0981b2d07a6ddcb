import { WORKING_LANGUAGES } from '../countries.ts';
import { LOCALES } from '../roles.ts';
import { isTimeZone } from '../server/i18n.ts';
import { localToUtc } from '../server/events/time.ts';
import { m } from '#lib/paraglide/messages.js';
import { optionalCountryCode } from './country.ts';
import { z } from './zod.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const optionalId = z.union([z.literal(''), z.uuid()]);
const localDateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: () => m.event_v_datetime() });
const optionalLocalDateTime = z.union([z.literal(''), localDateTime]);
const timeZone = z.string().trim().refine(isTimeZone, { error: () => m.v_invalid_time_zone() });
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;

/** Wall-clock fields are read in the event's zone; a time the clocks skip is refused on its field. */
function checkLocalTimes(v: { timeZone: string } & Record<string, unknown>, ctx: z.RefinementCtx, fields: string[]) {
	if (!isTimeZone(v.timeZone)) return;
	const instants: Record<string, number> = {};
	for (const f of fields) {
		const value = v[f];
		if (typeof value !== 'string' || !value) continue;
		const r = localToUtc(value, v.timeZone);
		if (!r.ok) ctx.addIssue({ code: 'custom', path: [f], message: r.reason === 'nonexistent' ? m.event_v_nonexistent_time() : m.event_v_datetime() });
		else instants[f] = r.utc.getTime();
	}
	if (instants.startsLocal !== undefined && instants.endsLocal !== undefined && instants.endsLocal <= instants.startsLocal)
		ctx.addIssue({ code: 'custom', path: ['endsLocal'], message: m.event_v_end_after_start() });
	else if (instants.startsLocal !== undefined && instants.endsLocal !== undefined && instants.endsLocal - instants.startsLocal > 14 * 86_400_000)
		ctx.addIssue({ code: 'custom', path: ['endsLocal'], message: m.event_v_too_long() });
	if (instants.registrationClosesLocal !== undefined && instants.registrationOpensLocal !== undefined && instants.registrationClosesLocal <= instants.registrationOpensLocal)
		ctx.addIssue({ code: 'custom', path: ['registrationClosesLocal'], message: m.event_v_close_after_open() });
}

const eventFields = {
	title: required(200),
	description: text(10000),
	formatId: z.uuid(),
	levelId: optionalId,
	seriesId: optionalId,
	organisationId: optionalId,
	topicIds: z.array(z.uuid()).max(20),
	languages: z.array(z.enum(WORKING_LANGUAGES as [string, ...string[]])).min(1).max(6),
	communityCall: z.boolean(),
	startsLocal: localDateTime,
	endsLocal: localDateTime,
	timeZone,
	/** 0 means no limit. */
	capacity: z.number().int().min(0).max(100000),
	registrationOpensLocal: optionalLocalDateTime,
	registrationClosesLocal: optionalLocalDateTime,
	approvalRequired: z.boolean(),
	waitlistEnabled: z.boolean(),
	meetingUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(1000)]),
	recorded: z.boolean(),
	status: z.enum(EVENT_STATUSES)
};
export const eventInput = z
	.object({
		...eventFields,
		description: eventFields.description.default(''),
		levelId: optionalId.default(''),
		seriesId: optionalId.default(''),
		organisationId: optionalId.default(''),
		topicIds: eventFields.topicIds.default([]),
		communityCall: z.boolean().default(false),
		capacity: eventFields.capacity.default(0),
		registrationOpensLocal: optionalLocalDateTime.default(''),
		registrationClosesLocal: optionalLocalDateTime.default(''),
		approvalRequired: z.boolean().default(false),
		waitlistEnabled: z.boolean().default(true),
		meetingUrl: eventFields.meetingUrl.default(''),
		recorded: z.boolean().default(false),
		status: z.enum(EVENT_STATUSES).default('draft')
	})
	.superRefine((v, ctx) => checkLocalTimes(v, ctx, ['startsLocal', 'endsLocal', 'registrationOpensLocal', 'registrationClosesLocal']));
export type EventInput = z.infer<typeof eventInput>;

export const registrationInput = z.object({
	name: required(200),
	email: z.email().max(320),
	organisationName: text(200).default(''),
	country: optionalCountryCode,
	consent: z.boolean().refine((v) => v === true, { error: () => m.event_v_consent() })
});
export type RegistrationInput = z.infer<typeof registrationInput>;

/** "Send my link again": only the address. */
export const linkAgainInput = z.object({ email: z.email().max(320) });

/** "Title https://…" per line: the materials of a summary. */
export const summaryInput = z.object({
	locale: z.enum(LOCALES),
	body: required(20000),
	materials: text(5000).default('')
});

export const surveyInput = z.object({
	anonymous: z.boolean().default(true),
	/** One question per line. */
	questions: text(5000).default('')
});

export const feedbackInput = z.object({
	rating: z.coerce.number().int().min(1).max(5),
	answers: z.record(z.string(), z.string().trim().max(3000)).default({})
});

const slug = z.string().trim().regex(/^[a-z0-9_]{2,40}$/, { error: () => m.event_v_code() });
export const termInput = z.object({
	kind: z.enum(['format', 'level', 'topic']),
	code: slug,
	nameEn: required(120),
	nameEs: text(120).default(''),
	nameFr: text(120).default(''),
	descriptionEn: text(1000).default(''),
	descriptionEs: text(1000).default(''),
	descriptionFr: text(1000).default(''),
	defaultCapacity: z.number().int().min(0).max(100000).default(0),
	approvalByDefault: z.boolean().default(false),
	byRequest: z.boolean().default(false),
	position: z.number().int().min(0).max(1000).default(0)
});

export const seriesInput = z.object({ title: required(200), description: text(5000).default('') });

export const clinicRequestInput = z.object({
	organisationId: z.uuid(),
	problem: required(5000),
	language: z.enum(WORKING_LANGUAGES as [string, ...string[]])
});

export const eventsQuery = z.object({
	format: text(40).default(''),
	level: text(40).default(''),
	topic: text(40).default(''),
	language: text(10).default(''),
	series: z.union([z.literal(''), z.uuid()]).default(''),
	from: z.union([z.literal(''), z.iso.date()]).default(''),
	to: z.union([z.literal(''), z.iso.date()]).default(''),
	past: z.enum(['', '1']).default(''),
	page: z.coerce.number().int().min(1).max(10000).default(1)
});
export type EventsQuery = z.infer<typeof eventsQuery>;
