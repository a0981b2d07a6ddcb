-- The planner chooses between walking the update-time index and reading the search indexes by how
-- common the searched words are in names: give it statistics on the new name column at once.
ANALYZE "organisations";
