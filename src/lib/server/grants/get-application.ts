import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { hasRole, membershipIn, type Actor } from '../identity/actor.ts';
import { entitledToIdentity, partnerIdentity, redactIdentity } from '../directory/partner-label.ts';
import { memberships, people } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';
import { diffAnswers, type FieldChange } from './answers.ts';
import { allFields, type Answers, type StageDef } from './definition.ts';
import { myAssignment } from './declare-interest.ts';
import { findApplication } from './find-application.ts';
import { grantAssignments, grantAwards, grantReports, grantReviews, grantRevisions, grantTranches } from './schema.ts';
import { CLOCK_RUNNING, availableTransitions, type ApplicationStatus } from './workflow.ts';
import { decisionClock } from './working-days.ts';
import { EDITABLE } from './save-answers.ts';
import { meanPercent } from './rubric.ts';

/**
 * Everything one person may see of an application, and what they may do with it. A reviewer who
 * has not yet declared their interests sees only who applied to what; finance sees the money.
 */
export async function getApplication(db: DbOrTx, actor: Actor, id: string, now = new Date()) {
	const row = await findApplication(db, actor, id);
	const { application: app, call } = row;
	const staff = hasRole(actor, 'admin', 'programme_officer');
	const applicant = !!membershipIn(actor, app.organisationId);
	const mine = await myAssignment(db, actor, app.id, app.stageIndex);
	const reviewerView = !staff && !applicant && !!mine;
	const restricted = reviewerView && mine!.status === 'pending';
	const seeAnswers = staff || applicant || (reviewerView && !restricted);
	const seeMoney = staff || applicant || hasRole(actor, 'finance');
	const current = { status: app.status as ApplicationStatus, stageIndex: app.stageIndex, resumeStatus: app.resumeStatus };

	const revisions = seeAnswers
		? await db.select().from(grantRevisions).where(eq(grantRevisions.applicationId, app.id)).orderBy(desc(grantRevisions.revision))
		: [];
	// Reviewers and staff see what the applicant changed in their latest revision.
	let changes: FieldChange[] = [];
	if (revisions.length >= 2 && (staff || reviewerView))
		changes = diffAnswers(call.stages[revisions[0].stageIndex]?.form, revisions[1].answers, revisions[0].answers);

	const assignments = staff
		? await db
				.select({ a: grantAssignments, name: users.name, role: users.role })
				.from(grantAssignments)
				.innerJoin(users, eq(users.id, grantAssignments.reviewerId))
				.where(eq(grantAssignments.applicationId, app.id))
				.orderBy(asc(grantAssignments.createdAt))
		: [];
	const reviews = staff
		? await db.select().from(grantReviews).where(eq(grantReviews.applicationId, app.id)).orderBy(asc(grantReviews.createdAt))
		: mine
			? await db.select().from(grantReviews).where(eq(grantReviews.assignmentId, mine.id))
			: [];
	const stageReviews = staff
		? reviews.filter((r) => assignments.find((x) => x.a.id === r.assignmentId)?.a.stageIndex === app.stageIndex)
		: [];

	// Members editing a draft together see who saved it last.
	const [savedBy] = applicant && app.answersSavedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, app.answersSavedBy)) : [];
	const [award] = seeMoney ? await db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id)).limit(1) : [];
	const tranches = award ? await db.select().from(grantTranches).where(eq(grantTranches.awardId, award.id)).orderBy(asc(grantTranches.plannedDate)) : [];
	const reports = award && (staff || applicant) ? await db.select().from(grantReports).where(eq(grantReports.awardId, award.id)).orderBy(asc(grantReports.dueDate)) : [];

	const clock =
		staff && app.decisionDueAt && call.decisionTargetDays && CLOCK_RUNNING.includes(current.status)
			? decisionClock(app.decisionDueAt, call.decisionTargetDays, now, call.timeZone)
			: null;
	const reviewerIds = staff ? assignments.map((x) => x.a.reviewerId) : [];
	const candidates = staff
		? await db
				.select({ id: users.id, name: users.name, role: users.role })
				.from(users)
				.where(inArray(users.role, call.stages[app.stageIndex].reviewers.roles))
				.orderBy(asc(users.name))
		: [];

	// Someone who reviews a sensitive partner's substance (or pays it) without being entitled to its
	// identity reads its own words with the partner's name and people taken out.
	const masked = !entitledToIdentity(actor, row.org);
	const names = masked ? await identityNames(db, app.organisationId) : [];
	const redact = <T>(v: T): T => redactIdentity(actor, row.org, v, names);
	const withheld = masked ? identifyingFields(call.stages) : [];

	return {
		application: redact({
			...withoutSearchVector(app),
			answers: seeAnswers ? withhold(app.answers as Answers, withheld) : {},
			screenerAnswers: seeAnswers ? app.screenerAnswers : null,
			requestedAmount: seeMoney ? app.requestedAmount : 0
		}),
		/** Answers (`field` or `field.column`) kept from this reader because they name a person. */
		withheld: withheld.map((w) => (w.column ? `${w.field}.${w.column}` : w.field)),
		call,
		// An outside reviewer reviews the substance; a sensitive applicant stays a neutral reference.
		org: partnerIdentity(actor, row.org),
		stage: call.stages[app.stageIndex],
		answersSavedByName: savedBy?.name ?? null,
		restricted,
		seeAnswers,
		revisions: revisions.map((r) => ({ revision: r.revision, stageIndex: r.stageIndex, createdAt: r.createdAt })),
		changes: redact(changes.filter((c) => !withheld.some((w) => w.field === c.field))),
		assignments: assignments.map((x) => ({ ...x.a, name: x.name, role: x.role })),
		reviews,
		meanPercent: meanPercent(stageReviews.map((r) => r.percent)),
		myAssignment: mine ?? null,
		award: award ?? null,
		tranches,
		reports,
		clock,
		candidates: candidates.filter((c) => !reviewerIds.includes(c.id)),
		can: {
			edit: applicant && (EDITABLE as readonly string[]).includes(app.status) && !!call.stages[app.stageIndex]?.form,
			applicantTransitions: applicant ? availableTransitions('applicant', current, call.stages).map((t) => t.name) : [],
			staffTransitions: staff ? availableTransitions('officer', current, call.stages).map((t) => t.name) : [],
			assign: staff && ['screening', 'in_review'].includes(app.status),
			declare: !!mine && mine.status === 'pending',
			review: !!mine && mine.status === 'clear' && app.status === 'in_review' && !!call.stages[app.stageIndex].rubric,
			finance: hasRole(actor, 'finance') && !!award && !award.closedAt,
			report: applicant
		}
	};
}
export type ApplicationView = Awaited<ReturnType<typeof getApplication>>;

/** Every name and address that would point at the partner: its people and its members. */
async function identityNames(db: DbOrTx, organisationId: string): Promise<string[]> {
	const [listed, members] = await Promise.all([
		db.select({ name: people.name, email: people.email }).from(people).where(eq(people.organisationId, organisationId)),
		db.select({ name: users.name, email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.organisationId, organisationId))
	]);
	return [...listed, ...members].flatMap((p) => [p.name, p.email ?? '']).filter(Boolean);
}

type Withheld = { field: string; column?: string };

/** The fields (and columns of repeated rows) marked as naming a person, across the call's stages. */
function identifyingFields(stages: StageDef[]): Withheld[] {
	return stages.flatMap((s) =>
		allFields(s.form).flatMap((f) => [
			...(f.identifying ? [{ field: f.id }] : []),
			...(f.columns ?? []).filter((c) => c.identifying).map((c) => ({ field: f.id, column: c.id }))
		])
	);
}

function withhold(answers: Answers, withheld: Withheld[]): Answers {
	const out: Answers = { ...answers };
	for (const w of withheld) {
		const v = out[w.field];
		if (!w.column) out[w.field] = null;
		else if (Array.isArray(v)) out[w.field] = (v as Record<string, unknown>[]).map((row) => ({ ...row, [w.column!]: null }));
	}
	return out;
}

/** The title's search vector repeats its words in lower case, out of reach of redaction: it stays in the database. */
function withoutSearchVector<T extends { search?: unknown }>(app: T): Omit<T, 'search'> {
	const { search: _vector, ...rest } = app;
	return rest;
}
