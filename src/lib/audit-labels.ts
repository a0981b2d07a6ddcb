// Names for the audit log's actions and subjects; kept free of zod. An action without a name here
// (a capability may add new ones) is shown as its code.
import { m } from './paraglide/messages.js';

const ACTIONS: Record<string, () => string> = {
	created: m.audit_a_created,
	updated: m.audit_a_updated,
	deleted: m.audit_a_deleted,
	decided: m.audit_a_decided,
	status_changed: m.audit_a_status_changed,
	role_changed: m.audit_a_role_changed,
	gate_overridden: m.audit_a_gate_overridden,
	safety_plan_written: m.audit_a_safety_plan_written,
	safety_plan_changed: m.audit_a_safety_plan_changed,
	safety_plan_approved: m.audit_a_safety_plan_approved,
	exported: m.audit_a_exported,
	grant_awarded: m.audit_a_grant_awarded,
	sensitivity_changed: m.audit_a_sensitivity_changed,
	erased: m.audit_a_erased,
	mail_retried: m.audit_a_mail_retried,
	need_to_know_added: m.audit_a_need_to_know_added,
	need_to_know_removed: m.audit_a_need_to_know_removed
};

const SUBJECTS: Record<string, () => string> = {
	request: m.audit_s_request,
	criteria_set: m.audit_s_criteria_set,
	call: m.audit_s_call,
	application: m.audit_s_application,
	user: m.audit_s_user,
	organisation: m.audit_s_organisation,
	export: m.audit_s_export,
	outbox_message: m.audit_s_outbox_message
};

export const auditActionLabel = (code: string) => ACTIONS[code]?.() ?? code;
export const auditSubjectLabel = (code: string) => SUBJECTS[code]?.() ?? code;

/** Where a subject can be opened in the hub, when it has a page. */
export function auditSubjectHref(type: string, id: string): string | null {
	if (type === 'request') return `/requests/${id}`;
	if (type === 'organisation') return `/directory/${id}`;
	return null;
}
