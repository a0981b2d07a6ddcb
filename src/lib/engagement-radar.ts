import { lineRadial, curveLinearClosed } from 'd3-shape';
import { scaleLinear } from 'd3-scale';

export type RadarAxis = { label: string; value: number | null };

/**
 * The geometry of a radar chart, computed where the page is rendered so that the chart is plain
 * SVG with no script. Values are on the 0–4 scale, "higher is more favourable"; an unknown axis
 * is drawn at the centre and marked as such in the data table beside the chart.
 */
export function radarGeometry(axes: RadarAxis[], size = 320, max = 4) {
	const radius = size / 2 - 60;
	const r = scaleLinear().domain([0, max]).range([0, radius]);
	const angle = (i: number) => (i / axes.length) * 2 * Math.PI;
	const line = lineRadial<number>()
		.angle((_, i) => angle(i))
		.radius((v) => r(v))
		.curve(curveLinearClosed);
	const point = (i: number, value: number) => {
		const a = angle(i) - Math.PI / 2;
		return { x: Math.cos(a) * r(value), y: Math.sin(a) * r(value) };
	};
	return {
		size,
		centre: size / 2,
		rings: Array.from({ length: max }, (_, k) => line(axes.map(() => k + 1)) ?? ''),
		shape: line(axes.map((a) => a.value ?? 0)) ?? '',
		spokes: axes.map((a, i) => {
			const end = point(i, max);
			const label = point(i, max * 1.18);
			return { ...end, lx: label.x, ly: label.y, anchor: Math.abs(label.x) < 4 ? 'middle' : label.x > 0 ? 'start' : 'end', label: a.label };
		})
	};
}
