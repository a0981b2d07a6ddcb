// When a person's daily digest is due: at or after 08:00 on their own clock, once per local day.
// Pure, so the rule across time zones is tested without a database.

export const DIGEST_HOUR = 8;

function localParts(now: Date, timeZone: string) {
	let zone = timeZone;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
	} catch {
		zone = 'UTC';
	}
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
	const get = (t: string) => parts.find((p) => p.type === t)!.value;
	return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/**
 * The local day whose digest is due now, or null before 08:00 local. "At or after" rather than
 * "during the 08 hour", so a digest missed while the hub was down goes out at the next run.
 */
export function digestDay(now: Date, timeZone: string): string | null {
	const { date, hour } = localParts(now, timeZone);
	return hour >= DIGEST_HOUR ? date : null;
}

export type Pending = { userId: string; timeZone: string };

/** Groups waiting digest notices by person and keeps the people whose digest is due now. */
export function dueDigests<T extends Pending>(now: Date, pending: readonly T[]): { userId: string; localDate: string; items: T[] }[] {
	const byUser = new Map<string, T[]>();
	for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
	const out: { userId: string; localDate: string; items: T[] }[] = [];
	for (const [userId, items] of byUser) {
		const localDate = digestDay(now, items[0].timeZone);
		if (localDate) out.push({ userId, localDate, items });
	}
	return out;
}
