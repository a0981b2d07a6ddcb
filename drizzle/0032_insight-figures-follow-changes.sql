-- The staff report (/insight) keeps its figures per set of filters. So that a change shows at
-- once, every statement that changes a table the report reads notes its transaction in
-- insight_changes; a kept snapshot that did not see one of the noted transactions is computed
-- again. The row is written by the changing transaction (it is visible only once that commits)
-- and is its own: writers never wait on a shared row.
CREATE FUNCTION insight_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO insight_changes (xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER insight_changes_grant_awards AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_awards FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_grant_tranches AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_tranches FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_grant_calls AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_calls FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_grant_programmes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_programmes FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_grant_assignments AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_assignments FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
-- Saving a draft's answers changes nothing the report counts; the funnel steps follow the
-- status through the roll-up, which notes its own changes.
CREATE TRIGGER insight_changes_grant_applications AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF call_id, organisation_id, submitted_at, decided_at, decision_due_at ON grant_applications FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_engagement_requests AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON engagement_requests FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_events AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, starts_at, ends_at, format_id, level_id, languages ON events FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_event_terms AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event_terms FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_event_registrations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event_registrations FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_event_feedback AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event_feedback FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_strategies AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON strategies FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_outcome_indicators AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_indicators FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_outcome_actuals AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_actuals FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
CREATE TRIGGER insight_changes_outcome_reviews AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_reviews FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
-- Only what groups the figures: a partner's country, region and kind.
CREATE TRIGGER insight_changes_organisations AFTER DELETE OR TRUNCATE OR UPDATE OF country, region, kind ON organisations FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
--> statement-breakpoint
-- Reviewer workload names each reviewer.
CREATE TRIGGER insight_changes_users AFTER UPDATE OF name ON users FOR EACH STATEMENT EXECUTE FUNCTION insight_note_change();
