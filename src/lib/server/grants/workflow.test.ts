import { describe, expect, it } from 'vitest';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from './programmes.ts';
import type { StageDef } from './definition.ts';
import { applyTransition, availableTransitions, TRANSITIONS, type ApplicationStatus } from './workflow.ts';
import { APPLICATION_STATUSES } from './schema.ts';

const mini = MINI_GRANT_CALL.stages as StageDef[];
const acc = ACCELERATOR_CALL.stages as StageDef[];
const at = (status: ApplicationStatus, stageIndex = 0, resumeStatus: string | null = null) => ({ status, stageIndex, resumeStatus });

// Every allowed move of the workflow, written out; everything else must be refused.
const ALLOWED: Record<string, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
	submit: { draft: 'submitted' },
	withdraw: { draft: 'withdrawn', submitted: 'withdrawn', screening: 'withdrawn', in_review: 'withdrawn', more_information: 'withdrawn', decision: 'withdrawn' },
	start_screening: { submitted: 'screening' },
	send_to_review: { screening: 'in_review' },
	request_information: { screening: 'more_information', in_review: 'more_information', decision: 'more_information' },
	answer_information: { more_information: 'screening' },
	advance_stage: {},
	to_decision: { screening: 'decision', in_review: 'decision' },
	award: { decision: 'awarded' },
	decline: { screening: 'declined', in_review: 'declined', decision: 'declined' },
	close: { awarded: 'closed' }
};

describe('workflow transition table', () => {
	for (const t of TRANSITIONS)
		for (const status of APPLICATION_STATUSES) {
			const expected = ALLOWED[t.name][status] ?? null;
			it(`${t.name} from ${status} ${expected ? `leads to ${expected}` : 'is refused'} (single-stage call)`, () => {
				expect(applyTransition(t, at(status), mini)?.status ?? null).toBe(expected);
			});
		}

	it('answering a request for information returns to the state it was asked from', () => {
		const t = TRANSITIONS.find((x) => x.name === 'answer_information')!;
		expect(applyTransition(t, at('more_information', 0, 'in_review'), mini)).toEqual({ status: 'in_review', stageIndex: 0 });
	});

	it('advancing opens the next stage form to the applicant, and a stage without a form goes straight to review', () => {
		const t = TRANSITIONS.find((x) => x.name === 'advance_stage')!;
		expect(applyTransition(t, at('in_review', 0), acc)).toEqual({ status: 'draft', stageIndex: 1 });
		expect(applyTransition(t, at('in_review', 1), acc)).toEqual({ status: 'in_review', stageIndex: 2 });
		expect(applyTransition(t, at('in_review', 2), acc)).toBeNull();
	});

	it('applicants and staff are offered only their own moves', () => {
		expect(availableTransitions('applicant', at('draft'), mini).map((t) => t.name)).toEqual(['submit', 'withdraw']);
		expect(availableTransitions('officer', at('draft'), mini)).toEqual([]);
		expect(availableTransitions('officer', at('decision'), mini).map((t) => t.name).sort()).toEqual(['award', 'decline', 'request_information']);
	});

	it('every transition names its labels and activity', () => {
		for (const t of TRANSITIONS) expect(t.staffLabel && t.applicantLabel && t.activity).toBeTruthy();
	});
});
