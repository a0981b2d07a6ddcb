// The plan's timeline: activities laid out over the months they span. Pure, server-rendered.

export type TimelineActivity = { id: string; title: string; startDate: string | null; dueDate: string | null; milestone: boolean; status: string };
export type TimelineRow = TimelineActivity & { from: number; to: number };
export type Timeline = { months: string[]; rows: TimelineRow[]; undated: TimelineActivity[] };

const monthKey = (d: string) => d.slice(0, 7);
function nextMonth(key: string) {
	const [y, mo] = key.split('-').map(Number);
	return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * Months from the earliest to the latest date (at most 36, so a typo in a year cannot make a
 * page thousands of columns wide). An activity with one date occupies that month; one without
 * dates is listed apart.
 */
export function buildTimeline(activities: TimelineActivity[], maxMonths = 36): Timeline {
	const dated = activities.filter((a) => a.startDate || a.dueDate);
	const undated = activities.filter((a) => !a.startDate && !a.dueDate);
	if (!dated.length) return { months: [], rows: [], undated };
	const keys = dated.flatMap((a) => [a.startDate, a.dueDate].filter((d): d is string => !!d).map(monthKey)).sort();
	const months: string[] = [];
	for (let k = keys[0]; k <= keys[keys.length - 1] && months.length < maxMonths; k = nextMonth(k)) months.push(k);
	const index = (k: string) => {
		const i = months.indexOf(k);
		return i >= 0 ? i : k < months[0] ? 0 : months.length - 1;
	};
	const rows = dated.map((a) => {
		const from = index(monthKey(a.startDate ?? a.dueDate!));
		const to = index(monthKey(a.dueDate ?? a.startDate!));
		return { ...a, from, to: Math.max(from, to) };
	});
	return { months, rows, undated };
}
