-- Verdicts that do not rate truth ("Unproven") carry no number in ClaimReview: they are
-- left out of the numeric order so that "Unproven" never ranks below "False".
ALTER TABLE rating ADD COLUMN rated INTEGER NOT NULL DEFAULT 1 CHECK (rated IN (0, 1));
UPDATE rating SET rated = 0 WHERE key = 'unproven' AND scale = 'default';

-- Watching articles for silent edits: when the watch last fetched the article, when it is
-- due again (the schedule backs off as the article ages), and the last failure.
ALTER TABLE article ADD COLUMN checked_at TEXT;
ALTER TABLE article ADD COLUMN next_check_at TEXT;
ALTER TABLE article ADD COLUMN check_error TEXT;
ALTER TABLE article ADD COLUMN check_failures INTEGER NOT NULL DEFAULT 0 CHECK (check_failures >= 0);
-- When a later version last changed the article substantively (boilerplate churn does not
-- count): the article list flags it and the "changed since checked" view compares it with
-- the article's newest review.
ALTER TABLE article ADD COLUMN edited_at TEXT;
CREATE INDEX article_watch_due ON article (next_check_at) WHERE watched = 1;
