-- Fewer messages to citizens (issue 15): five SMS in a minute for one request was too many.
-- Each request type says which events of its requests send an SMS and which an e-mail; the
-- columns list the events an administrator may turn off (OPTIONAL_NOTIFICATION_EVENTS in
-- packages/domain/src/notifications.ts). The final answer (resolved, rejected, referred) and a
-- Law 4982 extension are always sent and are never listed. Every type, the existing ones
-- included, starts with received, reply and duplicate on both channels (DEFAULT_NOTIFICATIONS).
ALTER TABLE "request_types" ADD COLUMN "notify_sms" text[] DEFAULT '{received,reply,duplicate}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "request_types" ADD COLUMN "notify_email" text[] DEFAULT '{received,reply,duplicate}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_notify_sms_check" CHECK ("notify_sms" <@ ARRAY['received', 'assigned', 'started', 'on_hold', 'resumed', 'reply', 'duplicate', 'closed', 'reopened']::text[]);
--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_notify_email_check" CHECK ("notify_email" <@ ARRAY['received', 'assigned', 'started', 'on_hold', 'resumed', 'reply', 'duplicate', 'closed', 'reopened']::text[]);
