import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { markAllRead } from '#lib/server/notifications/mark-read.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (_event, actor) => json({ marked: await markAllRead(getApp().database.db, actor) }));
