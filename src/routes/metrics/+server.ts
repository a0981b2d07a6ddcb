import { getApp } from '#lib/server/app.ts';
import { metricsResponse } from '#lib/server/ops/metrics.ts';
import type { RequestHandler } from './$types';

// Public: no session; Prometheus presents METRICS_TOKEN as a bearer token (checked in
// metricsResponse). Without a token configured the endpoint answers 404, as if absent.
export const GET: RequestHandler = ({ request }) => metricsResponse(request, getApp().config.metricsToken);
