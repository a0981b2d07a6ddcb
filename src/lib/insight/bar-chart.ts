import { scaleBand, scaleLinear } from 'd3-scale';

export type BarSeries = { name: string; values: number[] };

/** Fills the bars can take, told apart by pattern as well as colour in the legend and table. */
export const SERIES_CLASSES = ['fill-sky-700', 'fill-amber-500', 'fill-emerald-700'] as const;

/**
 * The geometry of a horizontal grouped bar chart, computed on the server so the chart is plain
 * SVG without script. Labels sit above their group of bars, so long country or call names never
 * squeeze the plot on a phone; the width is a view box and the SVG scales to its container.
 */
export function barChartGeometry(labels: string[], series: BarSeries[], width = 420) {
	const bar = 14;
	const labelHeight = 19;
	const groupHeight = labelHeight + series.length * bar + 10;
	const height = Math.max(groupHeight * labels.length, groupHeight) + 24;
	const max = Math.max(1, ...series.flatMap((s) => s.values));
	const x = scaleLinear().domain([0, max]).nice().range([0, width - 50]);
	const y = scaleBand<number>().domain(labels.map((_, i) => i)).range([0, groupHeight * labels.length]);
	// Counts have whole ticks only: "0.5 trainings" is not a thing.
	const whole = series.every((s) => s.values.every(Number.isInteger));
	const ticks = x
		.ticks(4)
		.filter((t) => !whole || Number.isInteger(t))
		.map((t) => ({ value: t, x: x(t) }));
	return {
		width,
		height,
		ticks,
		groups: labels.map((label, i) => ({
			label,
			y: y(i) ?? 0,
			bars: series.map((s, k) => ({ series: k, value: s.values[i] ?? 0, y: (y(i) ?? 0) + labelHeight + k * bar, width: x(s.values[i] ?? 0), height: bar - 2 }))
		}))
	};
}
