-- The inbox's text search (app/requests/inbox.ts) is answered from indexes. It matches Turkish
-- full-text search on the description, or the words typed as part of the description's folded
-- form (lower case, Turkish letters as ASCII: what a caller types without Turkish letters), or
-- close to one of its words (a typo). The trigram index on the raw description served none of
-- these: the search also compared the folded text through unaccent(), which no index can hold,
-- so every search read the whole table.
--
-- search_fold() folds as packages/domain's foldForSearch does; translate() needs no dictionary,
-- so the function is immutable and the same on every engine.
CREATE FUNCTION search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(lower($1), 'çğıöşüâîûÇĞIİÖŞÜÂÎÛ', 'cgiosuaiucgiiosuaiu') $$;
--> statement-breakpoint
DROP INDEX "requests_description_trgm_idx";
--> statement-breakpoint
-- New entries wait in a pending list that the insert past its limit merges into the index.
-- At the default 4 MB that merge held one intake batch for tens of milliseconds under load;
-- at 256 kB each merge is short (bench requests.create: p99 42 ms before, 28 ms after), and
-- searches have less unmerged list to read.
CREATE INDEX "requests_description_fold_trgm_idx" ON "requests" USING gin (search_fold("description") gin_trgm_ops) WITH (gin_pending_list_limit = 256);
--> statement-breakpoint
ALTER INDEX "requests_description_fts_idx" SET (gin_pending_list_limit = 256);
