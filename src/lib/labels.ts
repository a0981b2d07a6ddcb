import { m } from '#lib/paraglide/messages.js';
import type { AgreementDisplayStatus, AgreementScope, OrganisationKind, Region, Role } from './roles.ts';

// Labels for stored codes, in the reader's language.
export const kindLabel = (k: string) =>
	(({
		government: m.kind_government,
		civil_society: m.kind_civil_society,
		business: m.kind_business,
		media: m.kind_media,
		academia: m.kind_academia,
		multilateral: m.kind_multilateral,
		other: m.kind_other
	}) as Record<OrganisationKind, () => string>)[k as OrganisationKind]?.() ?? k;

export const regionLabel = (r: string) =>
	(({
		africa: m.region_africa,
		asia_pacific: m.region_asia_pacific,
		europe_central_asia: m.region_europe_central_asia,
		latin_america_caribbean: m.region_latin_america_caribbean,
		middle_east_north_africa: m.region_middle_east_north_africa,
		north_america: m.region_north_america,
		global: m.region_global
	}) as Record<Region, () => string>)[r as Region]?.() ?? r;

export const scopeLabel = (s: string) =>
	(({
		joint_advocacy: m.scope_joint_advocacy,
		learning: m.scope_learning,
		capacity_building: m.scope_capacity_building,
		fundraising: m.scope_fundraising,
		data_standards: m.scope_data_standards,
		other: m.scope_other
	}) as Record<AgreementScope, () => string>)[s as AgreementScope]?.() ?? s;

export const agreementStatusLabel = (s: string) =>
	(({
		draft: m.agreement_draft,
		active: m.agreement_active,
		expired: m.agreement_expired,
		ended: m.agreement_ended
	}) as Record<AgreementDisplayStatus, () => string>)[s as AgreementDisplayStatus]?.() ?? s;

export const roleLabel = (r: string) =>
	(({
		admin: m.role_admin,
		programme_officer: m.role_programme_officer,
		reviewer: m.role_reviewer,
		external_reviewer: m.role_external_reviewer,
		finance: m.role_finance,
		member: m.role_member
	}) as Record<Role, () => string>)[r as Role]?.() ?? r;

export const mailStatusLabel = (s: string) =>
	(
		({
			stored: m.mail_stored,
			queued: m.mail_queued,
			sending: m.mail_sending,
			retrying: m.mail_retrying,
			sent: m.mail_sent,
			given_up: m.mail_given_up,
			failed: m.mail_failed
		}) as Record<string, () => string>
	)[s]?.() ?? s;

export const membershipLabel = (r: string) => (r === 'owner' ? m.membership_owner() : m.membership_member());

/** Names of recorded fields in the activity log; unknown ones are shown as stored. */
export const fieldLabel = (f: string) =>
	(({
		name: m.field_name,
		kind: m.field_kind,
		country: m.field_country,
		region: m.field_region,
		languages: m.field_languages,
		website: m.field_website,
		description: m.field_description,
		sensitive: m.sensitive,
		listedPublicly: m.listing_field,
		role: m.role,
		status: m.status,
		title: m.field_title,
		scopes: m.field_scopes,
		startDate: m.field_start_date,
		endDate: m.field_end_date,
		binding: m.field_binding,
		notes: m.field_notes,
		email: m.field_email,
		phone: m.field_phone,
		document: m.documents,
		locale: m.language,
		timeZone: m.field_time_zone
	}) as Record<string, () => string>)[f]?.() ?? f;

export const subjectLabel = (s: string) =>
	(({
		organisation: m.subject_organisation,
		person: m.subject_person,
		agreement: m.subject_agreement,
		membership: m.subject_membership,
		invitation: m.subject_invitation,
		user: m.subject_user,
		api_token: m.subject_api_token
	}) as Record<string, () => string>)[s]?.() ?? s;

export const activityLabel = (action: string) =>
	(({
		created: m.activity_created,
		updated: m.activity_updated,
		deleted: m.activity_deleted,
		status_changed: m.activity_status_changed,
		sensitivity_changed: m.activity_sensitivity_changed,
		listing_changed: m.activity_listing_changed,
		member_added: m.activity_member_added,
		member_removed: m.activity_member_removed,
		invited: m.activity_invited,
		document_added: m.activity_document_added,
		role_changed: m.activity_role_changed,
		revoked: m.activity_revoked,
		assessor_assigned: m.activity_assessor_assigned,
		submitted: m.activity_submitted,
		decided: m.activity_decided,
		registered: m.activity_registered,
		promoted: m.activity_promoted,
		attendance_recorded: m.activity_attendance_recorded,
		summary_published: m.activity_summary_published,
		survey_saved: m.activity_survey_saved,
		feedback_given: m.activity_feedback_given,
		grant_awarded: m.activity_grant_awarded,
		reviewer_assigned: m.activity_reviewer_assigned,
		conflict_declared: m.activity_conflict_declared,
		no_conflict_declared: m.activity_no_conflict_declared,
		review_submitted: m.activity_review_submitted,
		tranche_planned: m.activity_tranche_planned,
		tranche_paid: m.activity_tranche_paid,
		report_submitted: m.activity_report_submitted,
		outcome_reported: m.activity_outcome_reported,
		outcome_reviewed: m.activity_outcome_reviewed,
		need_to_know_added: m.activity_need_to_know_added,
		need_to_know_removed: m.activity_need_to_know_removed
	}) as Record<string, () => string>)[action]?.() ?? action;
