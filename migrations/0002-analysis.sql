-- Which analyser last looked at a version. Suggestions it made (origin 'detected', state
-- 'suggested') may be replaced by a newer analyser; accepted, rejected and manual items stay.
CREATE TABLE version_analysis (
    version_id  INTEGER PRIMARY KEY REFERENCES version (id) ON DELETE CASCADE,
    analyzer    INTEGER NOT NULL CHECK (analyzer > 0),
    analyzed_at TEXT NOT NULL
) STRICT;

DROP INDEX claim_by_version;
CREATE INDEX claim_by_version ON claim (version_id, start_char);
CREATE INDEX speaker_by_name ON speaker (name COLLATE NOCASE);
