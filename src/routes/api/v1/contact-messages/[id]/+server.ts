import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getContactMessage } from '#lib/server/contact/get-contact-message.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => {
	const { id, topic, name, email, message, locale, status, answer, answeredAt, closedAt, createdAt } = await getContactMessage(getApp().database.db, actor, params.id);
	return json({ id, topic, name, email, message, locale, status, answer, answeredAt, closedAt, createdAt });
});
