import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { getApp } from '#lib/server/app.ts';
import pkg from '../../../package.json' with { type: 'json' };
import type { RequestHandler } from './$types';

// Public: load balancers probe this; it reveals only the database kind and the version.
export const GET: RequestHandler = async () => {
	const { database } = getApp();
	try {
		await database.db.execute(sql`select 1`);
		return json({ status: 'ok', database: database.kind, version: pkg.version });
	} catch {
		return json({ status: 'unavailable', database: database.kind, version: pkg.version }, { status: 503 });
	}
};
