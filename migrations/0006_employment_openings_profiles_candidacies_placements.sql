CREATE TABLE "candidacies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_organization_id" uuid NOT NULL,
	"partner_organization_id" uuid NOT NULL,
	"status" text DEFAULT 'put_forward' NOT NULL,
	"reject_reason" text,
	"interview_at" timestamp with time zone,
	"history_shared" boolean DEFAULT false NOT NULL,
	"match_score" integer,
	"match_reasons" jsonb,
	"put_forward_by_id" uuid NOT NULL,
	"put_forward_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidacy_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"note_enc" text,
	"actor_id" uuid,
	"actor_organization_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_of_conduct_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"version" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employment_openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"sector" text NOT NULL,
	"occupation" text NOT NULL,
	"area_code" text,
	"province_code" text,
	"remote" boolean DEFAULT false NOT NULL,
	"places" integer DEFAULT 1 NOT NULL,
	"wage_min_idr" bigint,
	"wage_max_idr" bigint,
	"contract_type" text,
	"hours_per_week" integer,
	"working_hours" text,
	"required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_education" text,
	"required_certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"accommodation" text,
	"start_on" date,
	"closes_on" date,
	"commitments" text[] DEFAULT '{}'::text[] NOT NULL,
	"duration_weeks" integer,
	"cost_idr" bigint,
	"certificate_awarded" text,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"task_id" uuid,
	"still_employed" boolean,
	"conditions_as_promised" boolean,
	"problems" text[] DEFAULT '{}'::text[] NOT NULL,
	"note_enc" text,
	"conducted_on" date,
	"conducted_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"monthly_wage_idr" bigint,
	"contract_type" text,
	"ended_on" date,
	"end_reason" text,
	"recorded_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"seeking" text[] DEFAULT '{}'::text[] NOT NULL,
	"work_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"education" text,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_area_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"willing_to_relocate" boolean DEFAULT false NOT NULL,
	"constraints" text[] DEFAULT '{}'::text[] NOT NULL,
	"constraints_note_enc" text,
	"available_from" date,
	"income_since" date,
	"notes_enc" text,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "partner_kind" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "suspended_by_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "suspension_note_enc" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "consent_purpose" text DEFAULT 'referral_sharing' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_opening_id_employment_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."employment_openings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_partner_organization_id_organizations_id_fk" FOREIGN KEY ("partner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_put_forward_by_id_users_id_fk" FOREIGN KEY ("put_forward_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_events" ADD CONSTRAINT "candidacy_events_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_events" ADD CONSTRAINT "candidacy_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_events" ADD CONSTRAINT "candidacy_events_actor_organization_id_organizations_id_fk" FOREIGN KEY ("actor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_of_conduct_acceptances" ADD CONSTRAINT "code_of_conduct_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_of_conduct_acceptances" ADD CONSTRAINT "code_of_conduct_acceptances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_openings" ADD CONSTRAINT "employment_openings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_openings" ADD CONSTRAINT "employment_openings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_task_id_case_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."case_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_conducted_by_id_users_id_fk" FOREIGN KEY ("conducted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_opening_id_employment_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."employment_openings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills_profiles" ADD CONSTRAINT "skills_profiles_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills_profiles" ADD CONSTRAINT "skills_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills_profiles" ADD CONSTRAINT "skills_profiles_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidacies_referral_key" ON "candidacies" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "candidacies_partner_idx" ON "candidacies" USING btree ("partner_organization_id","status","put_forward_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "candidacies_case_idx" ON "candidacies" USING btree ("case_id","put_forward_at");--> statement-breakpoint
CREATE INDEX "candidacies_opening_idx" ON "candidacies" USING btree ("opening_id","status");--> statement-breakpoint
CREATE INDEX "candidacy_events_candidacy_idx" ON "candidacy_events" USING btree ("candidacy_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "code_of_conduct_acceptances_user_version_key" ON "code_of_conduct_acceptances" USING btree ("user_id","version");--> statement-breakpoint
CREATE INDEX "employment_openings_org_idx" ON "employment_openings" USING btree ("organization_id","status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "employment_openings_published_idx" ON "employment_openings" USING btree ("kind","closes_on") WHERE "employment_openings"."status" = 'published';--> statement-breakpoint
CREATE INDEX "employment_openings_match_keys_idx" ON "employment_openings" USING gin ("match_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_follow_ups_month_key" ON "placement_follow_ups" USING btree ("placement_id","month");--> statement-breakpoint
CREATE INDEX "placement_follow_ups_case_idx" ON "placement_follow_ups" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "placement_follow_ups_due_idx" ON "placement_follow_ups" USING btree ("due_on") WHERE "placement_follow_ups"."status" = 'scheduled' and "placement_follow_ups"."task_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "placements_candidacy_key" ON "placements" USING btree ("candidacy_id");--> statement-breakpoint
CREATE INDEX "placements_case_idx" ON "placements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "placements_org_idx" ON "placements" USING btree ("organization_id","start_on");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_profiles_case_key" ON "skills_profiles" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "skills_profiles_seeking_org_idx" ON "skills_profiles" USING btree ("organization_id") WHERE cardinality("skills_profiles"."seeking") > 0;--> statement-breakpoint
CREATE INDEX "skills_profiles_match_keys_idx" ON "skills_profiles" USING gin ("match_keys");