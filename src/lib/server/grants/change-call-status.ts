import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { callStatusInput } from '../../validation/grants.ts';
import { callTransitionNamed, type CallTransition } from './call-lifecycle.ts';
import { loadCallDefinition } from './call-record.ts';
import { scheduleCall } from './call-schedule.ts';
import { keepVersion } from './call-versions.ts';
import { grantLink, mailApplicants } from './mail.ts';
import { missingTranslations } from './missing-translations.ts';
import { canRunCalls } from './policies.ts';
import { grantApplications, grantCalls } from './schema.ts';

/**
 * Moves a call along its lifecycle. Opening needs every offered language complete; closing keeps
 * drafts and tells the organisations that hold one, so nobody finds out at the submit button.
 */
export async function changeCallStatus(db: Db, actor: Actor, id: string, raw: unknown) {
	ensure(canRunCalls(actor));
	const input = parseInput(callStatusInput, raw);
	return moveCall(db, actor, id, input.transition, input.version);
}

/**
 * The step itself, for an officer (checked above) or for the call's own schedule, which acts for
 * nobody and is logged as the system. Opening keeps the call as its published version.
 */
export async function moveCall(db: Db, actor: Actor, id: string, transition: CallTransition['name'], version: number) {
	const result = await db.transaction((tx) => moveCallTx(tx, actor, id, transition, version));
	await scheduleCall(result.call);
	return result;
}

/** The step inside the caller's transaction; the caller plans the call's schedule afterwards. */
export async function moveCallTx(tx: DbOrTx, actor: Actor, id: string, transition: CallTransition['name'], version: number) {
	const t = callTransitionNamed(transition)!;
	const { call, definition } = await loadCallDefinition(tx, id);
	if (call.version !== version) throw new DomainError('CONFLICT', m.builder_e_changed_meanwhile());
	if (!(t.from as string[]).includes(call.status)) throw new DomainError('INVALID_TRANSITION', m.builder_e_cannot_transition());
	if (t.to === 'open') {
		const missing = missingTranslations(definition);
		// Each missing text is named by its place in the definition and its language, as the API reads it.
		if (missing.length)
			throw new DomainError('INVALID_INPUT', m.builder_e_missing_texts({ count: String(missing.length) }), Object.fromEntries(missing.map((x) => [`${x.path}.${x.language}`, [m.v_required()]])));
	}
	const [updated] = await tx
		.update(grantCalls)
		.set({ status: t.to, version: call.version + 1, updatedAt: new Date() })
		.where(and(eq(grantCalls.id, id), eq(grantCalls.version, version)))
		.returning();
	if (!updated) throw new DomainError('CONFLICT', m.builder_e_changed_meanwhile());
	if (t.to === 'open') await keepVersion(tx, actor, updated);
	await recordActivity(tx, actor, { subjectType: 'call', subjectId: id, action: t.name, changes: { status: { from: call.status, to: t.to } } });
	let told = 0;
	if (t.name === 'close') {
		const drafts = await tx
			.select({ id: grantApplications.id, org: { name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive }, organisationId: grantApplications.organisationId })
			.from(grantApplications)
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
			.where(and(eq(grantApplications.callId, id), eq(grantApplications.status, 'draft')));
		for (const d of drafts)
			told += await mailApplicants(tx, d.organisationId, 'call_closed', { callTitle: call.title, org: d.org, url: grantLink(`/grants/applications/${d.id}`) });
	}
	return { call: updated, told };
}
