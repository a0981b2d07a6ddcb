import { and, eq, max } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { summaryInput } from '../../validation/events.ts';
import { lockEvent } from './find-event.ts';
import { canManageEvents } from './policies.ts';
import { eventSummaries, type Material } from './schema.ts';

/** "Title https://…" lines → materials; a line without a web address is refused on the field. */
export function parseMaterials(text: string): Material[] | { line: number } {
	const out: Material[] = [];
	const lines = text.split('\n').map((l) => l.trim());
	for (const [i, line] of lines.entries()) {
		if (!line) continue;
		const match = line.match(/^(.*?)\s*(https?:\/\/\S+)$/);
		if (!match) return { line: i + 1 };
		out.push({ title: match[1].replace(/[\s:–-]+$/, '') || match[2], url: match[2] });
	}
	return out;
}

/** Publishes a summary in one language as its next version; earlier versions stay on record. */
export async function publishSummary(db: Db, actor: Actor, eventId: string, raw: unknown) {
	ensure(canManageEvents(actor));
	const input = parseInput(summaryInput, raw);
	const materials = parseMaterials(input.materials);
	if (!Array.isArray(materials)) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { materials: [m.event_v_material_line({ line: String(materials.line) })] });
	return db.transaction(async (tx) => {
		const event = await lockEvent(tx, eventId);
		const [{ latest }] = await tx
			.select({ latest: max(eventSummaries.version) })
			.from(eventSummaries)
			.where(and(eq(eventSummaries.eventId, event.id), eq(eventSummaries.locale, input.locale)));
		const [summary] = await tx
			.insert(eventSummaries)
			.values({ eventId: event.id, locale: input.locale, version: (latest ?? 0) + 1, body: input.body, materials, publishedBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		await recordActivity(tx, actor, { subjectType: 'event', subjectId: event.id, organisationId: event.organisationId, action: 'summary_published', changes: { version: { from: latest, to: summary.version }, locale: { from: null, to: input.locale } } });
		return summary;
	});
}
