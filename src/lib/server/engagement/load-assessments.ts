import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { users } from '../identity/schema.ts';
import { engagementAssessments, engagementScores } from './schema.ts';

export type ScoreRow = { level: number | null | undefined; confidence: 'low' | 'medium' | 'high'; note: string };
export type LoadedAssessment = {
	id: string;
	assessorId: string;
	assessorName: string;
	criteriaSetId: string;
	submittedAt: Date | null;
	scores: Record<string, ScoreRow>;
};

/** Every assessment of a request with its answers. Callers decide what the actor may see of them. */
export async function loadAssessments(db: DbOrTx, requestId: string): Promise<LoadedAssessment[]> {
	const rows = await db
		.select({ a: engagementAssessments, name: users.name })
		.from(engagementAssessments)
		.innerJoin(users, eq(users.id, engagementAssessments.assessorId))
		.where(eq(engagementAssessments.requestId, requestId))
		.orderBy(asc(engagementAssessments.createdAt), asc(users.name));
	if (!rows.length) return [];
	const scores = await db
		.select()
		.from(engagementScores)
		.where(inArray(engagementScores.assessmentId, rows.map((r) => r.a.id)));
	return rows.map(({ a, name }) => ({
		id: a.id,
		assessorId: a.assessorId,
		assessorName: name,
		criteriaSetId: a.criteriaSetId,
		submittedAt: a.submittedAt,
		scores: Object.fromEntries(
			scores.filter((s) => s.assessmentId === a.id).map((s) => [s.criterion, { level: s.answered ? s.level : undefined, confidence: s.confidence, note: s.note }])
		)
	}));
}

export const levelsOf = (a: LoadedAssessment) => Object.fromEntries(Object.entries(a.scores).map(([k, s]) => [k, s.level]));
