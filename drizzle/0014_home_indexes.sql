CREATE INDEX "event_clinic_requests_waiting_idx" ON "event_clinic_requests" USING btree ("created_at") WHERE "event_clinic_requests"."status" = 'requested';--> statement-breakpoint
CREATE INDEX "event_registrations_pending_idx" ON "event_registrations" USING btree ("event_id") WHERE "event_registrations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "events_organiser_idx" ON "events" USING btree ("created_by","starts_at");--> statement-breakpoint
CREATE INDEX "grant_applications_awaiting_idx" ON "grant_applications" USING btree ("decision_due_at","id") WHERE "grant_applications"."status" IN ('submitted', 'screening', 'decision');--> statement-breakpoint
CREATE INDEX "grant_reports_awaited_idx" ON "grant_reports" USING btree ("due_date") WHERE "grant_reports"."submitted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "grant_tranches_unpaid_idx" ON "grant_tranches" USING btree ("planned_date") WHERE "grant_tranches"."paid_date" IS NULL;--> statement-breakpoint
CREATE INDEX "grant_tranches_paid_idx" ON "grant_tranches" USING btree ("paid_date");