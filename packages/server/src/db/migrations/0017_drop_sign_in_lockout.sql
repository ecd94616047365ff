-- Failed sign-ins no longer lock an account (0015_sign_in_throttle: a proof of work instead),
-- so the per-user counter and lock time are dropped rather than left to look meaningful.
ALTER TABLE "users" DROP COLUMN "failed_logins";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";
