import type { Band } from '../../engagement-codes.ts';

/** Bands must run from the highest threshold down and end with one that starts at 0. */
export function validBands(bands: Pick<Band, 'min'>[]): boolean {
	if (!bands.length) return false;
	for (let i = 1; i < bands.length; i++) if (!(bands[i].min < bands[i - 1].min)) return false;
	return bands[bands.length - 1].min === 0 && bands[0].min <= 100;
}

/** The band a score falls in: the first (highest) whose threshold it reaches. */
export function bandFor<B extends Pick<Band, 'code' | 'min'>>(score: number | null, bands: B[]): B | null {
	if (score === null) return null;
	return bands.find((b) => score >= b.min) ?? bands[bands.length - 1] ?? null;
}
