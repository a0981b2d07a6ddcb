import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline.ts';

const a = (id: string, startDate: string | null, dueDate: string | null) => ({ id, title: id, startDate, dueDate, milestone: false, status: 'planned' });

describe('plan timeline', () => {
	it('spans the months from the earliest to the latest date, across a year end', () => {
		const t = buildTimeline([a('x', '2026-11-10', '2027-02-01'), a('y', null, '2027-01-05')]);
		expect(t.months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
		expect(t.rows.map((r) => [r.id, r.from, r.to])).toEqual([['x', 0, 3], ['y', 2, 2]]);
	});
	it('activities without dates are listed apart', () => {
		const t = buildTimeline([a('x', null, null)]);
		expect(t).toEqual({ months: [], rows: [], undated: [a('x', null, null)] });
	});
	it('a far-off date is cut at the month limit instead of widening the page', () => {
		const t = buildTimeline([a('x', '2027-01-01', '2099-01-01')], 12);
		expect(t.months).toHaveLength(12);
		expect(t.rows[0].to).toBe(11);
	});
});
