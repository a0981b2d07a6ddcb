import { DateTime } from 'luxon';

// Time rules for events. An event is stored as a UTC instant plus the organiser's IANA zone;
// everything a person reads is derived from those two, so clock changes never move a session.

/** The readable place of an IANA zone: "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
	if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
	const last = zone.split('/').pop() ?? zone;
	return last.replace(/_/g, ' ');
}

export type LocalTimeResult =
	| { ok: true; utc: Date }
	| { ok: false; reason: 'invalid' | 'nonexistent' };

/**
 * A wall-clock time typed by an organiser ("2026-03-08T02:30" in New York) → the UTC instant.
 * A time inside the spring-forward gap does not exist there and is refused rather than moved
 * silently; in the autumn overlap the earlier of the two instants (still summer time) is taken.
 */
export function localToUtc(local: string, zone: string): LocalTimeResult {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return { ok: false, reason: 'invalid' };
	const dt = DateTime.fromISO(local, { zone });
	if (!dt.isValid) return { ok: false, reason: 'invalid' };
	// Luxon moves a nonexistent time forward; if the wall clock no longer reads what was typed, it never existed.
	if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local) return { ok: false, reason: 'nonexistent' };
	// In the autumn overlap the same wall-clock time happens twice; an hour earlier may read the same.
	const earlier = dt.minus({ hours: 1 });
	const chosen = earlier.toFormat("yyyy-MM-dd'T'HH:mm") === local ? earlier : dt;
	return { ok: true, utc: chosen.toUTC().toJSDate() };
}

/** The instant as the wall-clock value of a `datetime-local` field in the zone. */
export function utcToLocalInput(instant: Date, zone: string): string {
	return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Minutes ahead of UTC in a zone at an instant (New York in July: -240). */
export function offsetMinutes(instant: Date, zone: string): number {
	return DateTime.fromJSDate(instant, { zone }).offset;
}

export type ShownTime = {
	/** "10:30" in the organiser's zone */
	organiserTime: string;
	organiserDate: string;
	organiserCity: string;
	/** Null when the viewer's clock reads the same as the organiser's at that instant. */
	viewerTime: string | null;
	viewerDate: string | null;
	/** Whole days the viewer's date is ahead (+1) or behind (-1) the organiser's. */
	dayShift: number;
	iso: string;
};

/**
 * How a start time is shown: in the organiser's zone, and beside it in the viewer's
 * ("10:30 New York · 15:30 your time"). Offsets are looked up at the instant itself, so the
 * weeks when one region has changed its clocks and the other not come out right.
 */
export function showTime(instant: Date, organiserZone: string, viewerZone: string, locale: string): ShownTime {
	// A catalogue page shows the same few dozen start and end times to everyone who opens it, and
	// each takes four or more calls into Intl: once worked out, a time is remembered as shown.
	const key = `${instant.getTime()} ${organiserZone} ${viewerZone} ${locale}`;
	const known = shown.get(key);
	if (known) return known;
	const result = Object.freeze(workOutTime(instant, organiserZone, viewerZone, locale));
	// Bounded: upcoming sessions × zones × languages in use; odd input cannot grow it without end.
	if (shown.size >= 20_000) shown.clear();
	shown.set(key, result);
	return result;
}
const shown = new Map<string, ShownTime>();

function workOutTime(instant: Date, organiserZone: string, viewerZone: string, locale: string): ShownTime {
	const org = wallClock(instant, organiserZone);
	const viewer = wallClock(instant, viewerZone);
	const same = org.offset === viewer.offset;
	return {
		organiserTime: show('time', locale, organiserZone, instant),
		organiserDate: show('date', locale, organiserZone, instant),
		organiserCity: zoneCity(organiserZone),
		viewerTime: same ? null : show('time', locale, viewerZone, instant),
		viewerDate: same || viewer.day === org.day ? null : show('date', locale, viewerZone, instant),
		dayShift: same ? 0 : viewer.day - org.day,
		iso: instant.toISOString()
	};
}

// A catalogue page shows forty times: the formatters are made once per language and zone (the
// same formats luxon's TIME_SIMPLE and DATE_FULL ask Intl for), not once per time.
const FORMATS = {
	time: { hour: 'numeric', minute: 'numeric' },
	date: { year: 'numeric', month: 'long', day: 'numeric' },
	// Wall-clock parts, read as numbers to find the local day and the offset.
	parts: { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', era: 'short' }
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: keyof typeof FORMATS, locale: string, zone: string): Intl.DateTimeFormat {
	const key = `${kind} ${locale} ${zone}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(kind === 'parts' ? 'en-US' : locale, { ...FORMATS[kind], timeZone: zone });
		// Bounded by languages × zones in use; a cap keeps odd input from growing it without end.
		if (formatters.size < 10_000) formatters.set(key, f);
	}
	return f;
}

/**
 * As luxon wrote it, to the character: for "UTC" and "GMT" (a fixed zone to luxon) it joins the
 * formatted parts, which keep the narrow no-break space before AM/PM that `format` turns into a space.
 */
function show(kind: 'time' | 'date', locale: string, zone: string, instant: Date): string {
	const f = formatter(kind, locale, zone);
	const lowered = zone.toLowerCase();
	return lowered === 'utc' || lowered === 'gmt' ? f.formatToParts(instant).map((p) => p.value).join('') : f.format(instant);
}

/** The local calendar day (days since 1970-01-01) and the offset from UTC in minutes of an instant in a zone. */
function wallClock(instant: Date, zone: string): { day: number; offset: number } {
	const p: Record<string, string> = {};
	for (const part of formatter('parts', '', zone).formatToParts(instant)) p[part.type] = part.value;
	const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
	const midnight = Date.UTC(year, Number(p.month) - 1, Number(p.day));
	const wall = midnight + ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000;
	const whole = instant.getTime() - (((instant.getTime() % 1000) + 1000) % 1000);
	return { day: Math.round(midnight / 86_400_000), offset: (wall - whole) / 60_000 };
}

/** Length in minutes, independent of any clock change during the session. */
export const durationMinutes = (start: Date, end: Date) => Math.round((end.getTime() - start.getTime()) / 60_000);

/** A calendar date (YYYY-MM-DD) in a zone → the UTC instants that bound that day there. */
export function dayBounds(date: string, zone: string): { from: Date; to: Date } | null {
	const d = DateTime.fromISO(date, { zone });
	if (!d.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
	return { from: d.startOf('day').toUTC().toJSDate(), to: d.plus({ days: 1 }).startOf('day').toUTC().toJSDate() };
}
