import { and, eq, ne, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { callDefinition, callUpdateInput } from '../../validation/grants.ts';
import { incompatibleChanges } from './call-compatibility.ts';
import { callColumns, storeProgramme } from './call-record.ts';
import { scheduleCall } from './call-schedule.ts';
import { canonical, keepVersion, sameSnapshot, snapshotOf } from './call-versions.ts';
import { findCall } from './find-application.ts';
import type { StageDef } from './definition.ts';
import { canRunCalls } from './policies.ts';
import { grantApplications, grantCalls } from './schema.ts';

/** Where a field's inputs are in the builder, for a message about its answers. */
function fieldPath(stages: StageDef[], id: string) {
	for (const [si, s] of stages.entries())
		for (const [xi, sec] of (s.form?.sections ?? []).entries()) {
			const fi = sec.fields.findIndex((f) => f.id === id);
			if (fi >= 0) return `stages.${si}.form.sections.${xi}.fields.${fi}._answers`;
		}
	return undefined;
}

/**
 * Saves a whole definition over a call. `version` is the one the officer's page was built from:
 * when someone else saved in between, this save loses and changes nothing. Fields that already
 * have answers may not be removed or retyped (they may be archived). Editing a call that has been
 * open publishes a new version; applications already started keep the one they began on.
 */
export async function updateCall(db: Db, actor: Actor, id: string, raw: unknown, version: number) {
	ensure(canRunCalls(actor));
	const d = parseInput(callDefinition, raw);
	const call = await db.transaction(async (tx) => {
		const before = await findCall(tx, id);
		if (before.version !== version) throw new DomainError('CONFLICT', m.builder_e_changed_meanwhile());
		if (before.status === 'archived') throw new DomainError('INVALID_TRANSITION', m.builder_e_archived());
		const [taken] = await tx
			.select({ id: grantCalls.id })
			.from(grantCalls)
			.where(and(eq(grantCalls.slug, d.slug), ne(grantCalls.id, id)))
			.limit(1);
		if (taken) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { slug: [m.builder_e_slug_taken()] });
		const answered = await tx
			.selectDistinct({ k: sql<string>`jsonb_object_keys(${grantApplications.answers})` })
			.from(grantApplications)
			.where(eq(grantApplications.callId, id));
		const keys = new Set(answered.map((r) => r.k));
		const broken = incompatibleChanges(before.stages, d.stages as StageDef[], keys);
		if (broken.length)
			throw new DomainError(
				'INVALID_INPUT',
				m.builder_e_orphans({ fields: broken.map((b) => b.field).join(', ') }),
				// A retyped field is still on the page: its message goes beside it. A removed one is named above.
				Object.fromEntries(broken.map((b) => [fieldPath(d.stages, b.field) ?? `_fields.${b.field}`, [b.change === 'removed' ? m.builder_e_field_has_answers() : m.builder_e_field_retyped()]]))
			);
		const programmeId = await storeProgramme(tx, d);
		const values = callColumns(d, programmeId);
		// A draft is rewritten in place; a call that has been open gets a new published version.
		const publish = before.status !== 'draft' && !sameSnapshot(snapshotOf(before), snapshotOf({ ...before, ...values }));
		// Calls published before versions were kept get theirs now, before it is replaced.
		if (publish) await keepVersion(tx, null, before);
		const publishedVersion = publish ? before.publishedVersion + 1 : before.publishedVersion;
		// The version in the WHERE makes the check and the write one step, whatever the isolation.
		const [call] = await tx
			.update(grantCalls)
			.set({ ...values, version: before.version + 1, publishedVersion, updatedAt: new Date() })
			.where(and(eq(grantCalls.id, id), eq(grantCalls.version, version)))
			.returning();
		if (!call) throw new DomainError('CONFLICT', m.builder_e_changed_meanwhile());
		if (publish) await keepVersion(tx, actor, call);
		const changed = diff(before as unknown as Record<string, unknown>, { ...values, publishedVersion } as unknown as Record<string, unknown>);
		// The log names what changed; whole forms are too large to copy into every entry.
		// Stored JSON comes back with its keys reordered: only a real difference is a change.
		const summary = Object.fromEntries(
			Object.entries(changed)
				.filter(([, v]) => canonical(v.from) !== canonical(v.to))
				.map(([k, v]) => [k, JSON.stringify(v).length > 400 ? { from: '…', to: '…' } : v])
		);
		await recordActivity(tx, actor, { subjectType: 'call', subjectId: id, action: publish ? 'published' : 'updated', changes: summary });
		return call;
	});
	await scheduleCall(call);
	return call;
}

/** The API's twin of the builder's save: `{ version, definition }`, as `GET /api/v1/calls/{id}` gives them. */
export async function putCall(db: Db, actor: Actor, id: string, raw: unknown) {
	ensure(canRunCalls(actor));
	const input = parseInput(callUpdateInput, raw);
	return updateCall(db, actor, id, input.definition, input.version);
}
