import { m } from '#lib/paraglide/messages.js';
import type { ActualSource, IndicatorSubject, OutcomeStatus } from './codes.ts';

export const outcomeStatusLabel = (s: OutcomeStatus | string | null) =>
	(({
		achieved: m.insight_status_achieved,
		on_track: m.insight_status_on_track,
		off_track: m.insight_status_off_track,
		not_achieved: m.insight_status_not_achieved,
		too_early: m.insight_status_too_early
	}) as Record<string, () => string>)[s ?? '']?.() ?? m.insight_status_unreviewed();

export const actualSourceLabel = (s: ActualSource | string) =>
	(({ grant_report: m.insight_source_grant_report, monitoring_entry: m.insight_source_monitoring_entry, check_in: m.insight_source_check_in }) as Record<string, () => string>)[s]?.() ?? s;

export const subjectKindLabel = (s: IndicatorSubject | string) =>
	(({ request: m.insight_subject_request, grant: m.insight_subject_grant, strategy: m.insight_subject_strategy }) as Record<string, () => string>)[s]?.() ?? s;

const BUILT_IN: Record<string, () => string> = {
	competition: m.insight_area_competition,
	savings: m.insight_area_savings,
	service_delivery: m.insight_area_service_delivery,
	governance_trust: m.insight_area_governance_trust
};

/** Built-in areas are translated; areas added by staff keep the name they were given. */
export const impactAreaLabel = (code: string, areas: { code: string; name: string | null }[] = []) =>
	BUILT_IN[code]?.() ?? areas.find((a) => a.code === code)?.name ?? code;
