import type { StageDef } from './definition.ts';
import type { APPLICATION_STATUSES } from './schema.ts';

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who may trigger a transition: the applicant's organisation, or programme staff. */
export type Trigger = 'applicant' | 'officer';

export type TransitionName =
	| 'submit'
	| 'withdraw'
	| 'start_screening'
	| 'send_to_review'
	| 'request_information'
	| 'answer_information'
	| 'advance_stage'
	| 'to_decision'
	| 'award'
	| 'decline'
	| 'close';

export type Transition = {
	name: TransitionName;
	from: ApplicationStatus[];
	/**
	 * The state it leads to. `resume` returns to where the application was when information was
	 * requested; `next_stage` opens the next stage's form to the applicant, or goes straight back
	 * to review when that stage has no form (an interview).
	 */
	to: ApplicationStatus | 'resume' | 'next_stage';
	by: Trigger;
	/** Message keys: the button staff or applicants see, and the activity action written. */
	staffLabel: string;
	applicantLabel: string;
	activity: string;
	/** The e-mail sent to the applicant, if any. */
	notify?: 'submitted' | 'more_information' | 'decision';
};

const OPEN: ApplicationStatus[] = ['submitted', 'screening', 'in_review', 'more_information', 'decision'];

/** The workflow every programme runs: states and allowed moves as data. */
export const TRANSITIONS: Transition[] = [
	{ name: 'submit', from: ['draft'], to: 'submitted', by: 'applicant', staffLabel: 'grant_t_submit', applicantLabel: 'grant_t_submit', activity: 'status_changed', notify: 'submitted' },
	{ name: 'withdraw', from: ['draft', ...OPEN], to: 'withdrawn', by: 'applicant', staffLabel: 'grant_t_withdraw', applicantLabel: 'grant_t_withdraw', activity: 'status_changed' },
	{ name: 'start_screening', from: ['submitted'], to: 'screening', by: 'officer', staffLabel: 'grant_t_start_screening', applicantLabel: 'grant_t_start_screening', activity: 'status_changed' },
	{ name: 'send_to_review', from: ['screening'], to: 'in_review', by: 'officer', staffLabel: 'grant_t_send_to_review', applicantLabel: 'grant_t_send_to_review', activity: 'status_changed' },
	{ name: 'request_information', from: ['screening', 'in_review', 'decision'], to: 'more_information', by: 'officer', staffLabel: 'grant_t_request_information', applicantLabel: 'grant_t_request_information', activity: 'status_changed', notify: 'more_information' },
	{ name: 'answer_information', from: ['more_information'], to: 'resume', by: 'applicant', staffLabel: 'grant_t_answer_information', applicantLabel: 'grant_t_answer_information', activity: 'status_changed' },
	{ name: 'advance_stage', from: ['in_review'], to: 'next_stage', by: 'officer', staffLabel: 'grant_t_advance_stage', applicantLabel: 'grant_t_advance_stage', activity: 'status_changed', notify: 'decision' },
	{ name: 'to_decision', from: ['screening', 'in_review'], to: 'decision', by: 'officer', staffLabel: 'grant_t_to_decision', applicantLabel: 'grant_t_to_decision', activity: 'status_changed' },
	{ name: 'award', from: ['decision'], to: 'awarded', by: 'officer', staffLabel: 'grant_t_award', applicantLabel: 'grant_t_award', activity: 'status_changed', notify: 'decision' },
	{ name: 'decline', from: ['screening', 'in_review', 'decision'], to: 'declined', by: 'officer', staffLabel: 'grant_t_decline', applicantLabel: 'grant_t_decline', activity: 'status_changed', notify: 'decision' },
	{ name: 'close', from: ['awarded'], to: 'closed', by: 'officer', staffLabel: 'grant_t_close', applicantLabel: 'grant_t_close', activity: 'status_changed' }
];

export const transitionNamed = (name: string): Transition | undefined => TRANSITIONS.find((t) => t.name === name);

export type Move = { status: ApplicationStatus; stageIndex: number };

/**
 * Where a transition leads from the current state, or null when it is not allowed from there
 * (or, for advancing, when there is no next stage).
 */
export function applyTransition(
	t: Transition,
	current: { status: ApplicationStatus; stageIndex: number; resumeStatus: string | null },
	stages: StageDef[]
): Move | null {
	if (!t.from.includes(current.status)) return null;
	if (t.to === 'resume') {
		const back = (current.resumeStatus ?? 'screening') as ApplicationStatus;
		return { status: back, stageIndex: current.stageIndex };
	}
	if (t.to === 'next_stage') {
		const next = stages[current.stageIndex + 1];
		if (!next) return null;
		return { status: next.form ? 'draft' : 'in_review', stageIndex: current.stageIndex + 1 };
	}
	return { status: t.to, stageIndex: current.stageIndex };
}

/** The transitions a person of this kind may take from the current state. */
export function availableTransitions(
	by: Trigger,
	current: { status: ApplicationStatus; stageIndex: number; resumeStatus: string | null },
	stages: StageDef[]
): Transition[] {
	return TRANSITIONS.filter((t) => t.by === by && applyTransition(t, current, stages) !== null);
}

/** States in which the decision clock runs. */
export const CLOCK_RUNNING: ApplicationStatus[] = ['submitted', 'screening', 'in_review', 'decision'];
