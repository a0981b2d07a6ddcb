import { json } from '@sveltejs/kit';
import { openApiDocument } from '#lib/server/api/openapi.ts';
import type { RequestHandler } from './$types';

// Public: the API's description holds no data.
export const GET: RequestHandler = () => json(openApiDocument());
