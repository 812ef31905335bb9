CREATE TABLE "case_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"closure_reason" text NOT NULL,
	"reason_enc" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note_enc" text,
	"checklist" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_organization_id" uuid NOT NULL,
	"to_organization_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"reason_enc" text,
	"consent_id" uuid NOT NULL,
	"sender_keeps_view" boolean DEFAULT false NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	"decline_reason" text,
	"answer_note_enc" text,
	"assigned_to_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"area_code" text,
	"starts_on" date,
	"ends_on" date,
	"capacity" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"number_enc" text,
	"issuer" text,
	"issued_on" date,
	"expires_on" date
);
--> statement-breakpoint
CREATE TABLE "journey_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"journey_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"happened_at" timestamp with time zone NOT NULL,
	"note_enc" text,
	"by_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_legs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"segment" text NOT NULL,
	"mode" text NOT NULL,
	"from_place" text NOT NULL,
	"from_country_code" text,
	"to_place" text NOT NULL,
	"to_country_code" text,
	"depart_at" timestamp with time zone,
	"arrive_at" timestamp with time zone,
	"carrier" text,
	"reference_enc" text
);
--> statement-breakpoint
CREATE TABLE "legal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"track_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"happened_on" date NOT NULL,
	"note_enc" text,
	"by_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"police_report_number_enc" text,
	"police_reported_on" date,
	"investigating_agency" text,
	"investigating_unit" text,
	"stage" text NOT NULL,
	"restitution_claimed_idr" bigint,
	"restitution_awarded_idr" bigint,
	"protection_status" text DEFAULT 'none' NOT NULL,
	"protection_note_enc" text,
	"last_update_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"origin_item_id" uuid,
	"seq" integer NOT NULL,
	"dimension" text NOT NULL,
	"what_enc" text NOT NULL,
	"need_id" uuid,
	"delivery" text NOT NULL,
	"referral_id" uuid,
	"group_activity_id" uuid,
	"budget_idr" bigint,
	"start_on" date,
	"end_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"outcome_enc" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reintegration_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"goal_enc" text,
	"based_on_id" uuid,
	"change_note_enc" text,
	"created_by_id" uuid,
	"submitted_by_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note_enc" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_journeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"medical_clearance" text DEFAULT 'pending' NOT NULL,
	"medical_note_enc" text,
	"escort" text DEFAULT 'none' NOT NULL,
	"escort_name_enc" text,
	"pocket_money_idr" bigint,
	"arrival_point_code" text,
	"expected_arrival_at" timestamp with time zone,
	"reception_organization_id" uuid,
	"received_by_enc" text,
	"arrived_at" timestamp with time zone,
	"reached_home_at" timestamp with time zone,
	"handover_country_code" text,
	"handover_organization_name" text,
	"handover_contact_enc" text,
	"handover_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"handover_note_enc" text,
	"handed_over_at" timestamp with time zone,
	"notes_enc" text,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sustainability_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"loaded_by_id" uuid,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sustainability_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"round" integer,
	"months_after_arrival" integer,
	"due_on" date,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"task_id" uuid,
	"model_id" uuid,
	"answers_enc" text,
	"scores" jsonb,
	"conducted_on" date,
	"conducted_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "arrived_on" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "survey_months" integer[];--> statement-breakpoint
ALTER TABLE "case_closures" ADD CONSTRAINT "case_closures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closures" ADD CONSTRAINT "case_closures_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closures" ADD CONSTRAINT "case_closures_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_consent_id_case_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."case_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_activities" ADD CONSTRAINT "group_activities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_documents" ADD CONSTRAINT "journey_documents_journey_id_return_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."return_journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_events" ADD CONSTRAINT "journey_events_journey_id_return_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."return_journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_events" ADD CONSTRAINT "journey_events_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_legs" ADD CONSTRAINT "journey_legs_journey_id_return_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."return_journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_events" ADD CONSTRAINT "legal_events_track_id_legal_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."legal_tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_events" ADD CONSTRAINT "legal_events_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_tracks" ADD CONSTRAINT "legal_tracks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_tracks" ADD CONSTRAINT "legal_tracks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_reintegration_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reintegration_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_need_id_case_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."case_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_group_activity_id_group_activities_id_fk" FOREIGN KEY ("group_activity_id") REFERENCES "public"."group_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_journeys" ADD CONSTRAINT "return_journeys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_journeys" ADD CONSTRAINT "return_journeys_reception_organization_id_organizations_id_fk" FOREIGN KEY ("reception_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_journeys" ADD CONSTRAINT "return_journeys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_models" ADD CONSTRAINT "sustainability_models_loaded_by_id_users_id_fk" FOREIGN KEY ("loaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_task_id_case_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."case_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_model_id_sustainability_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."sustainability_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_conducted_by_id_users_id_fk" FOREIGN KEY ("conducted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_closures_case_idx" ON "case_closures" USING btree ("case_id","requested_at");--> statement-breakpoint
CREATE INDEX "case_closures_pending_idx" ON "case_closures" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "case_transfers_case_idx" ON "case_transfers" USING btree ("case_id","requested_at");--> statement-breakpoint
CREATE INDEX "case_transfers_to_idx" ON "case_transfers" USING btree ("to_organization_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "case_transfers_from_idx" ON "case_transfers" USING btree ("from_organization_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "group_activities_org_idx" ON "group_activities" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "journey_documents_journey_idx" ON "journey_documents" USING btree ("journey_id");--> statement-breakpoint
CREATE INDEX "journey_events_journey_idx" ON "journey_events" USING btree ("journey_id","at");--> statement-breakpoint
CREATE INDEX "journey_legs_journey_idx" ON "journey_legs" USING btree ("journey_id","seq");--> statement-breakpoint
CREATE INDEX "legal_events_track_idx" ON "legal_events" USING btree ("track_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_tracks_case_key" ON "legal_tracks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "legal_tracks_stalled_idx" ON "legal_tracks" USING btree ("last_update_at") WHERE "legal_tracks"."stage" <> 'closed';--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "plan_items_group_idx" ON "plan_items" USING btree ("group_activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reintegration_plans_case_number_key" ON "reintegration_plans" USING btree ("case_id","number");--> statement-breakpoint
CREATE INDEX "reintegration_plans_status_idx" ON "reintegration_plans" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "return_journeys_case_idx" ON "return_journeys" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "return_journeys_due_idx" ON "return_journeys" USING btree ("expected_arrival_at") WHERE "return_journeys"."arrived_at" is null and "return_journeys"."status" not in ('cancelled', 'handed_over');--> statement-breakpoint
CREATE INDEX "return_journeys_reception_idx" ON "return_journeys" USING btree ("reception_organization_id","expected_arrival_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sustainability_models_code_version_key" ON "sustainability_models" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "sustainability_surveys_case_idx" ON "sustainability_surveys" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "sustainability_surveys_due_idx" ON "sustainability_surveys" USING btree ("due_on") WHERE "sustainability_surveys"."status" = 'scheduled' and "sustainability_surveys"."task_id" is null;