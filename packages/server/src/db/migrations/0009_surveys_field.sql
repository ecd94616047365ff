CREATE TABLE "surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title_tr" text NOT NULL,
	"title_en" text,
	"intro_tr" text,
	"intro_en" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"district_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_by" integer REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_kind_ck" CHECK ("kind" in ('satisfaction','campaign')),
	CONSTRAINT "surveys_status_ck" CHECK ("status" in ('draft','active','closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_one_active_satisfaction_uq" ON "surveys" ("kind") WHERE "kind" = 'satisfaction' and "status" = 'active';
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL REFERENCES "surveys"("id"),
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"text_tr" text NOT NULL,
	"text_en" text,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale_min" smallint,
	"scale_max" smallint,
	"required" boolean DEFAULT true NOT NULL,
	"overall" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_questions_kind_ck" CHECK ("kind" in ('single','multiple','scale','text'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_position_uq" ON "survey_questions" ("survey_id","position");
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL REFERENCES "surveys"("id"),
	"request_id" bigint REFERENCES "requests"("id"),
	"channel" text NOT NULL,
	"district_id" integer REFERENCES "districts"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "survey_invitations_channel_ck" CHECK ("channel" in ('sms_link','email_link','link'))
);
--> statement-breakpoint
CREATE INDEX "survey_invitations_request_idx" ON "survey_invitations" ("request_id");
--> statement-breakpoint
CREATE INDEX "survey_invitations_survey_idx" ON "survey_invitations" ("survey_id");
--> statement-breakpoint
CREATE TABLE "field_teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'bus' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_teams_kind_ck" CHECK ("kind" in ('bus','field'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "field_teams_name_uq" ON "field_teams" ("name");
--> statement-breakpoint
CREATE TABLE "field_team_members" (
	"team_id" integer NOT NULL REFERENCES "field_teams"("id"),
	"user_id" integer NOT NULL REFERENCES "users"("id"),
	CONSTRAINT "field_team_members_pk" PRIMARY KEY ("team_id","user_id")
);
--> statement-breakpoint
CREATE INDEX "field_team_members_user_idx" ON "field_team_members" ("user_id");
--> statement-breakpoint
CREATE TABLE "field_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL REFERENCES "field_teams"("id"),
	"district_id" integer NOT NULL REFERENCES "districts"("id"),
	"neighbourhood_id" integer REFERENCES "neighbourhoods"("id"),
	"place" text NOT NULL,
	"visit_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"notes" text,
	"created_by" integer REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_visits_status_ck" CHECK ("status" in ('planned','done','cancelled'))
);
--> statement-breakpoint
CREATE INDEX "field_visits_date_idx" ON "field_visits" ("visit_date");
--> statement-breakpoint
CREATE INDEX "field_visits_district_idx" ON "field_visits" ("district_id");
--> statement-breakpoint
CREATE INDEX "field_visits_team_idx" ON "field_visits" ("team_id","visit_date");
--> statement-breakpoint
CREATE TABLE "field_visit_requests" (
	"request_id" bigint PRIMARY KEY NOT NULL REFERENCES "requests"("id"),
	"visit_id" integer NOT NULL REFERENCES "field_visits"("id")
);
--> statement-breakpoint
CREATE INDEX "field_visit_requests_visit_idx" ON "field_visit_requests" ("visit_id");
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL REFERENCES "surveys"("id"),
	"invitation_id" bigint REFERENCES "survey_invitations"("id"),
	"request_id" bigint REFERENCES "requests"("id"),
	"channel" text NOT NULL,
	"district_id" integer REFERENCES "districts"("id"),
	"neighbourhood_id" integer REFERENCES "neighbourhoods"("id"),
	"visit_id" integer REFERENCES "field_visits"("id"),
	"answered_by" integer REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_channel_ck" CHECK ("channel" in ('sms_link','email_link','link','callback','field'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_invitation_uq" ON "survey_responses" ("invitation_id");
--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" ("survey_id","created_at");
--> statement-breakpoint
CREATE INDEX "survey_responses_visit_idx" ON "survey_responses" ("visit_id");
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" bigint NOT NULL REFERENCES "survey_responses"("id"),
	"question_id" integer NOT NULL REFERENCES "survey_questions"("id"),
	"choices" smallint[],
	"value" smallint,
	"text" text,
	CONSTRAINT "survey_answers_pk" PRIMARY KEY ("response_id","question_id")
);
--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" ("question_id");
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL REFERENCES "users"("id"),
	"fingerprint" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" ("created_at");
