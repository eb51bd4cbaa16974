-- Issue 14, forum insights: archive search over a forum's published minutes.
-- Must match ForumDbContext.Insights.cs exactly: SchemaMatchesModelTests proves it.
-- The Easy Read minutes, as English words for full-text search. Pictures (![alt](picture:name)) are dropped first, so
-- "calendar" or "picture" does not match every meeting. A stored generated column: erasure's rewrite of the minutes
-- (MinutesErasure) recomputes it in the same UPDATE, so an erased name can no longer be found.
-- ALTER TABLE rewrites rows without firing the "minutes are never changed" row trigger.
ALTER TABLE minutes_versions ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, regexp_replace(easy_read, '!\[[^]]*\]\([^)]*\)', ' ', 'g'))) STORED;
CREATE INDEX IF NOT EXISTS ix_minutes_versions_search_vector ON minutes_versions USING gin (search_vector);
