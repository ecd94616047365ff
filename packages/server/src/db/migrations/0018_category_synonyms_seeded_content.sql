-- Everyday words citizens use for a topic ("lamba", "çukur", "su yok"): the agent's category
-- picker and the portal's topic choice match them like the name. Administrators edit them.
ALTER TABLE "categories" ADD COLUMN "synonyms" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
-- What the start-up seed has put in once (knowledge-base articles, the satisfaction survey,
-- field teams and the bus's route, category synonyms), by a stable key: the seed adds only
-- what is not recorded here, so an administrator's later edit or deletion is never undone.
CREATE TABLE "seeded_content" (
	"key" text PRIMARY KEY NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
