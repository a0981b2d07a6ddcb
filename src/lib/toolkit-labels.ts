import { m } from '#lib/paraglide/messages.js';
import type { Locale } from './roles.ts';

// Toolkit codes → words in the reader's language (or an explicit one, for the export).
type O = { locale?: Locale } | undefined;
type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const pick = (table: Record<string, Msg>) => (code: string | number, o?: O) => table[String(code)]?.({}, o ?? {}) ?? String(code);

export const stepTitle = /* @__PURE__ */ pick({ 1: m.toolkit_step1_title, 2: m.toolkit_step2_title, 3: m.toolkit_step3_title, 4: m.toolkit_step4_title });
export const stepGuidance = /* @__PURE__ */ pick({ 1: m.toolkit_step1_guidance, 2: m.toolkit_step2_guidance, 3: m.toolkit_step3_guidance, 4: m.toolkit_step4_guidance });
export const stepQuestions = (step: number, o?: O): string[] =>
	(({
		1: [m.toolkit_step1_q1, m.toolkit_step1_q2, m.toolkit_step1_q3],
		2: [m.toolkit_step2_q1, m.toolkit_step2_q2, m.toolkit_step2_q3],
		3: [m.toolkit_step3_q1, m.toolkit_step3_q2, m.toolkit_step3_q3],
		4: [m.toolkit_step4_q1, m.toolkit_step4_q2, m.toolkit_step4_q3]
	}) as Record<number, Msg[]>)[step]?.map((f) => f({}, o ?? {})) ?? [];

export const fieldLabel = /* @__PURE__ */ pick({
	problem: m.toolkit_f_problem,
	context: m.toolkit_f_context,
	windows: m.toolkit_f_windows,
	risks: m.toolkit_f_risks,
	goal: m.toolkit_f_goal,
	deadline: m.toolkit_f_deadline,
	mandate: m.toolkit_f_mandate,
	objectives: m.toolkit_f_objectives,
	tocIf: m.toolkit_f_tocIf,
	tocThen: m.toolkit_f_tocThen,
	tocBecause: m.toolkit_f_tocBecause,
	managerName: m.toolkit_f_managerName,
	managerRole: m.toolkit_f_managerRole,
	managerEmail: m.toolkit_f_managerEmail,
	budgetNotes: m.toolkit_f_budgetNotes,
	learning: m.toolkit_f_learning,
	adaptations: m.toolkit_f_adaptations
});

export const gapLabel = /* @__PURE__ */ pick({
	problem: m.toolkit_gap_problem,
	context: m.toolkit_gap_context,
	windows: m.toolkit_gap_windows,
	risks: m.toolkit_gap_risks,
	goal: m.toolkit_gap_goal,
	goal_smart: m.toolkit_gap_goal_smart,
	deadline: m.toolkit_gap_deadline,
	objectives: m.toolkit_gap_objectives,
	theory_of_change: m.toolkit_gap_theory_of_change,
	stakeholders: m.toolkit_gap_stakeholders,
	targets: m.toolkit_gap_targets,
	tactics: m.toolkit_gap_tactics,
	messages: m.toolkit_gap_messages,
	activities: m.toolkit_gap_activities,
	milestones: m.toolkit_gap_milestones,
	manager: m.toolkit_gap_manager,
	indicators: m.toolkit_gap_indicators,
	check_ins: m.toolkit_gap_check_ins
});

export const positionLabel = /* @__PURE__ */ pick({ '-2': m.toolkit_pos_m2, '-1': m.toolkit_pos_m1, '0': m.toolkit_pos_0, '1': m.toolkit_pos_p1, '2': m.toolkit_pos_p2 });
export const quadrantLabel = /* @__PURE__ */ pick({ key_allies: m.toolkit_q_key_allies, persuade: m.toolkit_q_persuade, mobilise: m.toolkit_q_mobilise, monitor: m.toolkit_q_monitor });
export const stakeholderTypeLabel = /* @__PURE__ */ pick({
	government: m.toolkit_st_government,
	legislature: m.toolkit_st_legislature,
	oversight: m.toolkit_st_oversight,
	business: m.toolkit_st_business,
	civil_society: m.toolkit_st_civil_society,
	media: m.toolkit_st_media,
	donor: m.toolkit_st_donor,
	international: m.toolkit_st_international,
	other: m.toolkit_st_other
});
export const audienceLabel = /* @__PURE__ */ pick({ public: m.toolkit_aud_public, influencers: m.toolkit_aud_influencers, decision_makers: m.toolkit_aud_decision_makers });
export const changeLabel = /* @__PURE__ */ pick({ awareness: m.toolkit_ch_awareness, will: m.toolkit_ch_will, action: m.toolkit_ch_action });
export const activityStatusLabel = /* @__PURE__ */ pick({ planned: m.toolkit_as_planned, in_progress: m.toolkit_as_in_progress, done: m.toolkit_as_done, dropped: m.toolkit_as_dropped });
export const monitoringKindLabel = /* @__PURE__ */ pick({ indicator: m.toolkit_mk_indicator, check_in: m.toolkit_mk_check_in, change: m.toolkit_mk_change });
export const strategyRoleLabel = /* @__PURE__ */ pick({ editor: m.toolkit_role_editor, viewer: m.toolkit_role_viewer });
export const resourceTypeLabel = /* @__PURE__ */ pick({
	template: m.toolkit_rt_template,
	discussion_guide: m.toolkit_rt_discussion_guide,
	brief: m.toolkit_rt_brief,
	evidence: m.toolkit_rt_evidence,
	case_study: m.toolkit_rt_case_study
});
export const topicLabel = /* @__PURE__ */ pick({
	open_contracting: m.toolkit_topic_open_contracting,
	procurement_data: m.toolkit_topic_procurement_data,
	beneficial_ownership: m.toolkit_topic_beneficial_ownership,
	health: m.toolkit_topic_health,
	infrastructure: m.toolkit_topic_infrastructure,
	budget: m.toolkit_topic_budget,
	civic_monitoring: m.toolkit_topic_civic_monitoring,
	legal_reform: m.toolkit_topic_legal_reform
});
export const faqTopicLabel = /* @__PURE__ */ pick({
	cost: m.toolkit_ft_cost,
	confidentiality: m.toolkit_ft_confidentiality,
	officials: m.toolkit_ft_officials,
	already_publish: m.toolkit_ft_already_publish,
	data_quality: m.toolkit_ft_data_quality,
	capacity: m.toolkit_ft_capacity,
	misuse: m.toolkit_ft_misuse,
	legal: m.toolkit_ft_legal
});

/** A key in a strategy's history ("step2.goal", "stakeholder", "activity.status", …) → words. */
export function historyKeyLabel(key: string): string {
	const step = /^step(\d)\.(\w+)$/.exec(key);
	if (step) return `${m.toolkit_step_n({ n: step[1] })} · ${fieldLabel(step[2])}`;
	const [head, tail] = key.split('.');
	const item = /* @__PURE__ */ pick({
		stakeholder: m.toolkit_item_stakeholder,
		tactic: m.toolkit_item_tactic,
		message: m.toolkit_item_message,
		activity: m.toolkit_item_activity,
		indicator: m.toolkit_f_indicator,
		check_in: m.toolkit_mk_check_in,
		change: m.toolkit_mk_change,
		monitoring: m.toolkit_monitoring,
		collaborator: m.toolkit_item_collaborator,
		title: m.toolkit_item_title
	})(head);
	return tail && head !== 'collaborator' ? `${item} · ${tail}` : item;
}
