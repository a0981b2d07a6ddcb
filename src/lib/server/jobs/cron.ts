// A five-field cron matcher (minute hour day-of-month month day-of-week, in UTC) for the
// in-process scheduler; pg-boss reads the same expressions on PostgreSQL.

const RANGES: [number, number][] = [
	[0, 59],
	[0, 23],
	[1, 31],
	[1, 12],
	[0, 7]
];

function parseField(field: string, [lo, hi]: [number, number]): Set<number> | null {
	const out = new Set<number>();
	for (const part of field.split(',')) {
		const m = part.match(/^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/);
		if (!m) return null;
		const step = m[2] ? Number(m[2]) : 1;
		let from = lo;
		let to = hi;
		if (m[1] !== '*') {
			const [a, b] = m[1].split('-').map(Number);
			from = a;
			to = b ?? (m[2] ? hi : a);
		}
		if (step < 1 || from < lo || to > hi || from > to) return null;
		for (let v = from; v <= to; v += step) out.add(v);
	}
	return out;
}

export type Cron = { minute: Set<number>; hour: Set<number>; day: Set<number>; month: Set<number>; weekday: Set<number>; dayAny: boolean; weekdayAny: boolean };

export function parseCron(expr: string): Cron {
	const fields = expr.trim().split(/\s+/);
	if (fields.length !== 5) throw new Error(`cron needs five fields: "${expr}"`);
	const sets = fields.map((f, i) => parseField(f, RANGES[i]));
	if (sets.some((s) => s === null)) throw new Error(`invalid cron expression: "${expr}"`);
	const [minute, hour, day, month, weekday] = sets as Set<number>[];
	if (weekday.has(7)) weekday.add(0);
	return { minute, hour, day, month, weekday, dayAny: fields[2] === '*', weekdayAny: fields[4] === '*' };
}

/** Whether the minute containing `at` (UTC) is one the expression fires on. */
export function cronMatches(cron: Cron, at: Date): boolean {
	if (!cron.minute.has(at.getUTCMinutes()) || !cron.hour.has(at.getUTCHours()) || !cron.month.has(at.getUTCMonth() + 1)) return false;
	const dayOk = cron.day.has(at.getUTCDate());
	const weekdayOk = cron.weekday.has(at.getUTCDay());
	// As in classic cron: when both day fields are restricted, either may match.
	if (cron.dayAny && cron.weekdayAny) return true;
	if (cron.dayAny) return weekdayOk;
	if (cron.weekdayAny) return dayOk;
	return dayOk || weekdayOk;
}
