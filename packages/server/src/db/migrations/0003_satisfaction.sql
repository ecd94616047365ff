CREATE TABLE "satisfaction_ratings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" bigint NOT NULL REFERENCES "requests"("id"),
	"score" smallint NOT NULL,
	"comment" text,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_ratings_score_ck" CHECK ("score" between 1 and 5),
	CONSTRAINT "satisfaction_ratings_channel_ck" CHECK ("channel" in ('portal','sms_link','email_link','callback','field','open311','import'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_ratings_request_uq" ON "satisfaction_ratings" ("request_id");
--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_created_idx" ON "satisfaction_ratings" ("created_at");
