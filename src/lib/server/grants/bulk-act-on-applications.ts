import { and, eq, inArray, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivities } from '../activity/record-activity.ts';
import type { Db, Tx } from '../db/types.ts';
import { memberships, organisations } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { queueMails, type OutgoingMail } from '../mail/mailer.ts';
import { notifyMany } from '../notifications/notify.ts';
import { grantTransitionHappening, planNotice } from '../notifications/routing.ts';
import { parseInput } from '../validate.ts';
import { applicationSelection, bulkActionInput } from '../../validation/grants-volume.ts';
import { resolveSelection } from './application-selection.ts';
import { findApplication } from './find-application.ts';
import { grantLink, grantMail } from './mail.ts';
import { canBeAssigned } from './policies.ts';
import { grantApplications, grantAssignments, grantCalls } from './schema.ts';
import { applyTransitionTx } from './transition-application.ts';
import { canRunCallsAtVolume } from './volume-policies.ts';
import { applyTransition, transitionNamed, type ApplicationStatus } from './workflow.ts';

type Row = { id: string; title: string; status: ApplicationStatus; stageIndex: number; version: number; resumeStatus: string | null; organisationId: string; callId: string; org: { name: string; reference: string; sensitive: boolean } };
const uid = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** Refuses the whole action, naming how many of the selection it does not fit and a few of them. */
function refuseSome(misfits: Row[], total: number): never {
	const examples = misfits.slice(0, 3).map((r) => r.title || r.id.slice(0, 8)).join('; ');
	throw new DomainError('INVALID_TRANSITION', m.vol_e_some_not_allowed({ count: String(misfits.length), total: String(total), examples }));
}

/**
 * One action over many applications of the staff list (ticked rows or everything matching the
 * filter): assign a reviewer, move them along the workflow, or decline them with a message. It
 * runs in one transaction and is all or nothing: if any selected application cannot take the
 * action (wrong state, a reviewer that may not review its stage), nothing changes and the officer
 * is told how many and which.
 */
export async function bulkActOnApplications(db: Db, actor: Actor, raw: Record<string, unknown>, now = new Date()) {
	ensure(canRunCallsAtVolume(actor));
	const input = parseInput(bulkActionInput, raw);
	const selection = parseInput(applicationSelection, raw);
	if (input.action === 'assign' && !input.reviewerId) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { reviewerId: [m.v_required()] });
	if (input.action === 'decline' && !input.message) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { message: [m.vol_e_decline_message()] });
	return db.transaction(async (tx) => {
		const ids = await resolveSelection(tx, actor, selection);
		// Locked for the rest of the transaction: nobody moves them between our check and our change.
		const rows: Row[] = await tx
			.select({
				id: grantApplications.id,
				title: grantApplications.title,
				status: grantApplications.status,
				stageIndex: grantApplications.stageIndex,
				version: grantApplications.version,
				resumeStatus: grantApplications.resumeStatus,
				organisationId: grantApplications.organisationId,
				callId: grantApplications.callId,
				org: { name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive }
			})
			.from(grantApplications)
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
			.where(inArray(grantApplications.id, ids))
			.for('update', { of: grantApplications });
		const callIds = [...new Set(rows.map((r) => r.callId))];
		const calls = new Map(
			(await tx.select({ id: grantCalls.id, title: grantCalls.title, stages: grantCalls.stages }).from(grantCalls).where(inArray(grantCalls.id, callIds))).map((c) => [c.id, c])
		);
		const count = input.action === 'assign' ? await assignAll(tx, actor, rows, calls, input.reviewerId) : await moveAll(tx, actor, rows, calls, input.action, input.message, now);
		return { action: input.action, count, selected: rows.length };
	});
}

type Calls = Map<string, { id: string; title: (typeof grantCalls.$inferSelect)['title']; stages: (typeof grantCalls.$inferSelect)['stages'] }>;

async function assignAll(tx: Tx, actor: Actor, rows: Row[], calls: Calls, reviewerId: string) {
	const [reviewer] = await tx.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.id, reviewerId)).limit(1);
	if (!reviewer) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { reviewerId: [m.v_invalid_choice()] });
	const misfits = rows.filter(
		(r) => !['screening', 'in_review'].includes(r.status) || !canBeAssigned(reviewer.role, calls.get(r.callId)!.stages[r.stageIndex]?.reviewers.roles ?? []).allowed
	);
	if (misfits.length) refuseSome(misfits, rows.length);
	// Someone already assigned to an application keeps their one assignment; the rest are added.
	const added = await tx
		.insert(grantAssignments)
		.values(rows.map((r) => ({ applicationId: r.id, stageIndex: r.stageIndex, reviewerId: reviewer.id, assignedBy: uid(actor) })))
		.onConflictDoNothing()
		.returning({ applicationId: grantAssignments.applicationId });
	const byId = new Map(rows.map((r) => [r.id, r]));
	await recordActivities(
		tx,
		actor,
		added.map((a) => ({ subjectType: 'application', subjectId: a.applicationId, organisationId: byId.get(a.applicationId)!.organisationId, action: 'reviewer_assigned', changes: { reviewer: { from: null, to: reviewer.name } } }))
	);
	await notifyMany(
		tx,
		added.map((a) => ({ ...planNotice({ type: 'reviewer_assigned', applicationId: a.applicationId, reviewerId: reviewer.id }), recipients: [reviewer.id], actorId: uid(actor) }))
	);
	return added.length;
}

async function moveAll(tx: Tx, actor: Actor, rows: Row[], calls: Calls, action: string, message: string, now: Date) {
	const t = transitionNamed(action)!;
	const misfits = rows.filter((r) => !applyTransition(t, r, calls.get(r.callId)!.stages));
	if (misfits.length) refuseSome(misfits, rows.length);
	if (t.to === 'next_stage') {
		// Each application's reviews must meet its stage's rule: the single-application path checks it.
		for (const r of rows) await applyTransitionTx(tx, actor, await findApplication(tx, actor, r.id), t, { version: r.version, message }, now);
		return rows.length;
	}
	const to = t.to as ApplicationStatus;
	const decided = t.name === 'decline' ? { decisionMessage: message, decidedAt: now } : {};
	const ids = rows.map((r) => r.id);
	const changed = await tx
		.update(grantApplications)
		.set({ status: to, ...decided, version: sql`${grantApplications.version} + 1` })
		.where(and(inArray(grantApplications.id, ids), inArray(grantApplications.status, t.from)))
		.returning({ id: grantApplications.id });
	if (changed.length !== rows.length) throw new DomainError('CONFLICT', m.grant_e_changed_meanwhile());
	await recordActivities(
		tx,
		actor,
		rows.map((r) => ({ subjectType: 'application', subjectId: r.id, organisationId: r.organisationId, action: t.activity, changes: { status: { from: r.status, to } } }))
	);
	const orgIds = [...new Set(rows.map((r) => r.organisationId))];
	const members = await tx
		.select({ organisationId: memberships.organisationId, userId: users.id, email: users.email, locale: users.locale })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(inArray(memberships.organisationId, orgIds));
	const membersOf = (orgId: string) => members.filter((x) => x.organisationId === orgId);
	if (t.notify) {
		const kind = t.notify;
		const mails: OutgoingMail[] = rows.flatMap((r) =>
			membersOf(r.organisationId).map((p) => ({
				kind: `grant_${kind}`,
				to: p.email,
				locale: p.locale,
				...grantMail(kind, p.locale, { callTitle: calls.get(r.callId)!.title, org: r.org, url: grantLink(`/grants/applications/${r.id}`) })
			}))
		);
		for (let i = 0; i < mails.length; i += 1000) await queueMails(tx, mails.slice(i, i + 1000));
	}
	const notices = rows.flatMap((r) => {
		const h = grantTransitionHappening(t.name, r);
		return h ? [{ ...planNotice(h), recipients: membersOf(r.organisationId).map((p) => p.userId), actorId: uid(actor) }] : [];
	});
	await notifyMany(tx, notices);
	return rows.length;
}
