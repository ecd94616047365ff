CREATE TABLE "portal_challenges" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"request_id" bigint REFERENCES "requests"("id"),
	CONSTRAINT "portal_challenges_purpose_ck" CHECK ("purpose" in ('submit','sign_in'))
);
--> statement-breakpoint
CREATE INDEX "portal_challenges_phone_idx" ON "portal_challenges" ("phone","created_at");
--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "citizen_sessions_expires_idx" ON "citizen_sessions" ("expires_at");
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"citizen_id" integer REFERENCES "citizens"("id"),
	"phone" text,
	"purpose" text NOT NULL,
	"notice_version" text NOT NULL,
	"channel" text NOT NULL,
	"ip" text,
	"request_id" bigint REFERENCES "requests"("id"),
	"given_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consents_citizen_idx" ON "consents" ("citizen_id");
--> statement-breakpoint
CREATE INDEX "consents_phone_idx" ON "consents" ("phone");
--> statement-breakpoint
CREATE TABLE "open311_clients" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "open311_clients_key_hash_key" ON "open311_clients" ("key_hash");
--> statement-breakpoint
CREATE TABLE "open311_submissions" (
	"request_id" bigint PRIMARY KEY NOT NULL REFERENCES "requests"("id"),
	"client_id" integer NOT NULL REFERENCES "open311_clients"("id"),
	"token" text NOT NULL,
	"media_url" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"device_id" text,
	"account_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "open311_submissions_token_key" ON "open311_submissions" ("token");
