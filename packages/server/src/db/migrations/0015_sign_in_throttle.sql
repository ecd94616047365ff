-- Sign-in throttling without lockout (app/sign-in-throttle.ts): failed staff sign-ins counted
-- per username and per address, both kept only as an HMAC under SESSION_SECRET, so the table
-- names nobody; and the proofs of work already spent, so one solved challenge buys one try.
CREATE TABLE "sign_in_failures" (
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_failures_key_idx" ON "sign_in_failures" ("key", "at");
--> statement-breakpoint
CREATE INDEX "sign_in_failures_at_idx" ON "sign_in_failures" ("at");
--> statement-breakpoint
CREATE TABLE "proofs_spent" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "proofs_spent_expires_idx" ON "proofs_spent" ("expires_at");
