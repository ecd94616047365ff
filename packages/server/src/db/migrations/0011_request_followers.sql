CREATE TABLE "request_followers" (
	"request_id" bigint NOT NULL REFERENCES "requests"("id"),
	"citizen_id" integer NOT NULL REFERENCES "citizens"("id"),
	"channel" text NOT NULL,
	"created_by" integer REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_followers_pk" PRIMARY KEY ("request_id", "citizen_id")
);
--> statement-breakpoint
CREATE INDEX "request_followers_citizen_idx" ON "request_followers" ("citizen_id");
