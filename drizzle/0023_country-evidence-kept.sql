ALTER TABLE "assessment_country_evidence" DROP CONSTRAINT "assessment_country_evidence_import_id_country_dataset_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "assessment_country_evidence" ADD CONSTRAINT "assessment_country_evidence_import_id_country_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."country_dataset_imports"("id") ON DELETE restrict ON UPDATE no action;