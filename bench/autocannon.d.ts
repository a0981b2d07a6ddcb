// autocannon ships no types; this covers the part of its programmatic API the bench uses.
declare module 'autocannon' {
	type Histogram = { average: number; mean: number; min: number; max: number; p50: number; p90: number; p99: number; total: number };
	type Options = {
		url: string;
		connections?: number;
		duration?: number;
		timeout?: number;
		headers?: Record<string, string>;
		requests?: { method?: string; path: string; headers?: Record<string, string> }[];
	};
	type Result = {
		requests: Histogram;
		latency: Histogram;
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		statusCodeStats: Record<string, { count: number }>;
	};
	export default function autocannon(options: Options): Promise<Result>;
}
