-- Development mode (DEV_OUTBOX): a message the development sender took was marked sent but
-- never left the server. The development outbox lists these, and only these.
ALTER TABLE "outbox" ADD COLUMN "dev_outbox" boolean DEFAULT false NOT NULL;
