CREATE TABLE "retention_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"dry_run" boolean NOT NULL,
	"trigger" text NOT NULL,
	"actor_id" integer,
	"policy" jsonb NOT NULL,
	"cutoffs" jsonb NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "retention_runs_started_idx" ON "retention_runs" ("started_at");
--> statement-breakpoint
CREATE TRIGGER retention_runs_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON retention_runs FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TABLE "user_totp" (
	"user_id" integer PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"secret_sealed" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
