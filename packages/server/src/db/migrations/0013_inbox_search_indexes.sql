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
CREATE INDEX "requests_description_fold_trgm_idx" ON "requests" USING gin (search_fold("description") gin_trgm_ops);
