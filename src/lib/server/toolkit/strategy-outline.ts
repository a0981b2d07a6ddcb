import { m } from '#lib/paraglide/messages.js';
import { STEP_FIELDS, type Step } from '../../toolkit-codes.ts';
import { place } from '../../toolkit-power-map.ts';
import {
	activityStatusLabel,
	audienceLabel,
	changeLabel,
	fieldLabel,
	monitoringKindLabel,
	positionLabel,
	quadrantLabel,
	stakeholderTypeLabel,
	stepQuestions,
	stepTitle
} from '../../toolkit-labels.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { toLocale } from '../i18n.ts';
import type { StrategyView } from './get-strategy.ts';

export type Block =
	| { kind: 'field'; label: string; text: string }
	| { kind: 'list'; label: string; items: string[] }
	| { kind: 'table'; caption: string; head: string[]; rows: string[][] };
export type Outline = { title: string; subtitle: string; prepared: string; sections: { heading: string; blocks: Block[] }[] };

/**
 * The strategy as a document, in the team's language: the DOCX export and the printable page
 * both render this. Everything is plain text, so markup someone typed stays visible as typed.
 * A sensitive partner is named by its neutral reference, since the document leaves the hub.
 */
export function strategyOutline(v: StrategyView, language: string): Outline {
	const o = { locale: toLocale(language) };
	const steps = (n: Step) => v.steps[n]?.content ?? {};
	const fields = (n: Step): Block[] =>
		STEP_FIELDS[n].map((k) => ({ kind: 'field', label: fieldLabel(k, o), text: steps(n)[k] ?? '' }));
	const date = (d: string | null) => d ?? '';
	const names = new Map(v.stakeholders.map((s) => [s.id, s.name]));
	const monitoring = (kind: string) => v.monitoring.filter((e) => e.kind === kind);
	const stepHeading = (n: Step) => `${m.toolkit_step_n({ n: String(n) }, o)}: ${stepTitle(n, o)}`;
	const questions = (n: Step): Block => ({ kind: 'list', label: m.toolkit_questions({}, o), items: stepQuestions(n, o) });

	return {
		title: v.strategy.title,
		subtitle: outsideLabel(v.org, o.locale),
		prepared: m.toolkit_print_prepared({}, o),
		sections: [
			{ heading: stepHeading(1), blocks: [...fields(1), questions(1)] },
			{
				heading: stepHeading(2),
				blocks: [
					...fields(2),
					{
						kind: 'table',
						caption: m.toolkit_power_map({}, o),
						head: [m.toolkit_f_name({}, o), m.toolkit_f_type({}, o), m.toolkit_f_position({}, o), m.toolkit_f_power({}, o), m.toolkit_f_interest({}, o), m.toolkit_col_quadrant({}, o), m.toolkit_col_flags({}, o), m.toolkit_f_ties({}, o), m.toolkit_f_notes({}, o)],
						rows: v.stakeholders.map((s) => [
							s.name,
							stakeholderTypeLabel(s.type, o),
							positionLabel(s.position, o),
							String(s.power),
							String(s.interest),
							quadrantLabel(place(s.position, s.power).quadrant, o),
							[s.target ? m.toolkit_target({}, o) : '', s.ally ? m.toolkit_ally({}, o) : ''].filter(Boolean).join(', '),
							s.ties.map((t) => names.get(t) ?? '').filter(Boolean).join(', '),
							s.notes
						])
					},
					questions(2)
				]
			},
			{
				heading: stepHeading(3),
				blocks: [
					...fields(3),
					{
						kind: 'table',
						caption: m.toolkit_tactics({}, o),
						head: [m.toolkit_f_audience({}, o), m.toolkit_f_change({}, o), m.toolkit_f_description({}, o)],
						rows: v.tactics.map((t) => [audienceLabel(t.audience, o), changeLabel(t.change, o), t.description])
					},
					{
						kind: 'table',
						caption: m.toolkit_messages({}, o),
						head: [m.toolkit_f_audience({}, o), m.toolkit_f_coreMessage({}, o), m.toolkit_f_evidence({}, o), m.toolkit_f_messenger({}, o), m.toolkit_f_ask({}, o)],
						rows: v.messages.map((x) => [audienceLabel(x.audience, o), x.coreMessage, x.evidence, x.messenger, x.ask])
					},
					{
						kind: 'table',
						caption: m.toolkit_activities({}, o),
						head: [m.toolkit_f_activity({}, o), m.toolkit_f_owner({}, o), m.toolkit_f_startDate({}, o), m.toolkit_f_dueDate({}, o), m.toolkit_f_status({}, o), m.toolkit_f_budget({}, o), m.toolkit_f_milestone({}, o), m.toolkit_f_deliverable({}, o)],
						rows: v.activities.map((a) => [a.title, a.owner, date(a.startDate), date(a.dueDate), activityStatusLabel(a.status, o), String(a.budget), a.milestone ? '◆' : '', a.deliverable])
					},
					questions(3)
				]
			},
			{
				heading: stepHeading(4),
				blocks: [
					...fields(4),
					{
						kind: 'table',
						caption: monitoringKindLabel('indicator', o),
						head: [m.toolkit_f_indicator({}, o), m.toolkit_f_target_value({}, o), m.toolkit_f_progress({}, o)],
						rows: monitoring('indicator').map((e) => [e.title, e.target, e.progress])
					},
					{
						kind: 'table',
						caption: monitoringKindLabel('check_in', o),
						head: [m.toolkit_f_entryDate({}, o), m.toolkit_f_checkin({}, o), m.toolkit_f_detail({}, o)],
						rows: monitoring('check_in').map((e) => [date(e.entryDate), e.title, e.detail])
					},
					{
						kind: 'table',
						caption: monitoringKindLabel('change', o),
						head: [m.toolkit_f_entryDate({}, o), m.toolkit_f_change_what({}, o), m.toolkit_f_change_why({}, o)],
						rows: monitoring('change').map((e) => [date(e.entryDate), e.title, e.detail])
					},
					questions(4)
				]
			}
		]
	};
}
