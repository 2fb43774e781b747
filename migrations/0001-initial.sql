-- factdesk schema v1: every concept of PRODUCT.md.
-- Conventions: STRICT tables; times are UTC RFC 3339 text; offsets are Unicode code points
-- into the version's text; ids are INTEGER PRIMARY KEY.

CREATE TABLE article (
    id            INTEGER PRIMARY KEY,
    canonical_url TEXT UNIQUE,
    title         TEXT NOT NULL,
    site          TEXT,
    byline        TEXT,
    language      TEXT,
    published     TEXT,
    updated       TEXT,
    created_at    TEXT NOT NULL,
    watched       INTEGER NOT NULL DEFAULT 0 CHECK (watched IN (0, 1))
) STRICT;

-- One capture of an article. Immutable: keyed by the SHA-256 of its raw bytes.
CREATE TABLE version (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    captured_at TEXT NOT NULL,
    source_kind TEXT NOT NULL CHECK (source_kind IN ('file', 'url', 'pasted')),
    source_ref  TEXT,
    media_type  TEXT NOT NULL,
    charset     TEXT,
    raw_zstd    BLOB NOT NULL,
    raw_bytes   INTEGER NOT NULL CHECK (raw_bytes >= 0),
    title       TEXT NOT NULL,
    language    TEXT,
    published   TEXT,
    text        TEXT NOT NULL,
    metadata    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
) STRICT;
CREATE INDEX version_by_article ON version (article_id, id);

CREATE TRIGGER version_is_immutable BEFORE UPDATE ON version
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;

-- A person or organisation that can be quoted; shared across articles.
CREATE TABLE speaker (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind       TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organization')),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE speaker_alias (
    speaker_id INTEGER NOT NULL REFERENCES speaker (id) ON DELETE CASCADE,
    alias      TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    PRIMARY KEY (speaker_id, alias)
) STRICT, WITHOUT ROWID;
CREATE INDEX speaker_alias_by_alias ON speaker_alias (alias COLLATE NOCASE);

-- A role a speaker holds, as some article states it ("juru bicara Kremlin").
CREATE TABLE speaker_role (
    id         INTEGER PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES speaker (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    article_id INTEGER REFERENCES article (id) ON DELETE SET NULL,
    UNIQUE (speaker_id, role, article_id)
) STRICT;

-- A checkable statement, or a quotation (a claim with a speaker, a cue and a kind),
-- anchored in the version it was marked in by position and by quote selector.
CREATE TABLE claim (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    version_id    INTEGER NOT NULL REFERENCES version (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('claim', 'direct', 'indirect')),
    start_char    INTEGER NOT NULL CHECK (start_char >= 0),
    end_char      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    prefix        TEXT NOT NULL DEFAULT '',
    suffix        TEXT NOT NULL DEFAULT '',
    speaker_id    INTEGER REFERENCES speaker (id) ON DELETE SET NULL,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT,
    origin        TEXT NOT NULL CHECK (origin IN ('detected', 'manual')),
    state         TEXT NOT NULL DEFAULT 'suggested' CHECK (state IN ('suggested', 'accepted', 'rejected')),
    score         REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
    reasons       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
    created_at    TEXT NOT NULL,
    CHECK (end_char >= start_char),
    CHECK ((speaker_start IS NULL) = (speaker_end IS NULL))
) STRICT;
CREATE INDEX claim_by_article ON claim (article_id, start_char);
CREATE INDEX claim_by_version ON claim (version_id);
CREATE INDEX claim_by_speaker ON claim (speaker_id) WHERE speaker_id IS NOT NULL;

-- Where a claim stands in a later version of its article.
CREATE TABLE claim_anchor (
    claim_id   INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    version_id INTEGER NOT NULL REFERENCES version (id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('unchanged', 'moved', 'edited', 'removed')),
    start_char INTEGER,
    end_char   INTEGER,
    text       TEXT,
    PRIMARY KEY (claim_id, version_id)
) STRICT, WITHOUT ROWID;

-- A document evidence comes from, archived with its hash.
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('url', 'file', 'pasted', 'transcript', 'article')),
    title       TEXT NOT NULL,
    url         TEXT,
    path        TEXT,
    article_id  INTEGER REFERENCES article (id) ON DELETE SET NULL,
    sha256      TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    media_type  TEXT,
    raw_zstd    BLOB,
    text        TEXT NOT NULL,
    captured_at TEXT NOT NULL
) STRICT;

-- A claim tied to a passage of a source.
CREATE TABLE link (
    id           INTEGER PRIMARY KEY,
    claim_id     INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    source_id    INTEGER NOT NULL REFERENCES source (id) ON DELETE RESTRICT,
    relation     TEXT NOT NULL CHECK (relation IN ('original', 'supports', 'contradicts', 'context')),
    match_class  TEXT CHECK (match_class IN ('verbatim', 'altered', 'not_found', 'translated', 'paraphrased')),
    score        REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
    source_start INTEGER,
    source_end   INTEGER,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (claim_id, source_id, relation)
) STRICT;

-- The verdicts of a rating scale; the default scale is seeded below.
CREATE TABLE rating (
    key      TEXT PRIMARY KEY,
    scale    TEXT NOT NULL DEFAULT 'default',
    position INTEGER NOT NULL,
    label_en TEXT NOT NULL,
    label_id TEXT NOT NULL,
    UNIQUE (scale, position)
) STRICT;
INSERT INTO rating (key, position, label_en, label_id) VALUES
    ('true',        1, 'True',        'Benar'),
    ('mostly-true', 2, 'Mostly true', 'Sebagian benar'),
    ('misleading',  3, 'Misleading',  'Menyesatkan'),
    ('false',       4, 'False',       'Salah'),
    ('unproven',    5, 'Unproven',    'Tidak terbukti');

CREATE TABLE review (
    claim_id   INTEGER PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE,
    verdict    TEXT REFERENCES rating (key),
    status     TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-review', 'checked', 'published')),
    notes      TEXT NOT NULL DEFAULT '',
    reviewer   TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Who changed what, when: appended to, never rewritten.
CREATE TABLE audit_event (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    reviewer  TEXT NOT NULL,
    entity    TEXT NOT NULL CHECK (entity IN ('article', 'claim', 'review', 'speaker', 'source', 'link')),
    entity_id INTEGER NOT NULL,
    field     TEXT NOT NULL,
    before    TEXT,
    after     TEXT
) STRICT;
CREATE INDEX audit_by_entity ON audit_event (entity, entity_id, id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is never rewritten');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is never rewritten');
END;

-- Full-text search. Version text and claims are external-content tables kept in sync by
-- triggers; speakers are indexed by name and every alias.
CREATE VIRTUAL TABLE version_fts USING fts5 (
    title, text,
    content = 'version', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER version_fts_insert AFTER INSERT ON version
BEGIN
    INSERT INTO version_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER version_fts_delete AFTER DELETE ON version
BEGIN
    INSERT INTO version_fts (version_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE claim_fts USING fts5 (
    text,
    content = 'claim', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim
BEGIN
    INSERT INTO claim_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim
BEGIN
    INSERT INTO claim_fts (claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim
BEGIN
    INSERT INTO claim_fts (claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claim_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE speaker_fts USING fts5 (
    names,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE VIEW speaker_names (speaker_id, names) AS
    SELECT s.id, s.name || coalesce(' ' || (SELECT group_concat(a.alias, ' ') FROM speaker_alias a WHERE a.speaker_id = s.id), '')
    FROM speaker s;
CREATE TRIGGER speaker_fts_insert AFTER INSERT ON speaker
BEGIN
    INSERT INTO speaker_fts (rowid, names) VALUES (new.id, new.name);
END;
CREATE TRIGGER speaker_fts_update AFTER UPDATE OF name ON speaker
BEGIN
    DELETE FROM speaker_fts WHERE rowid = new.id;
    INSERT INTO speaker_fts (rowid, names) SELECT speaker_id, names FROM speaker_names WHERE speaker_id = new.id;
END;
CREATE TRIGGER speaker_fts_delete AFTER DELETE ON speaker
BEGIN
    DELETE FROM speaker_fts WHERE rowid = old.id;
END;
CREATE TRIGGER speaker_alias_fts_insert AFTER INSERT ON speaker_alias
BEGIN
    DELETE FROM speaker_fts WHERE rowid = new.speaker_id;
    INSERT INTO speaker_fts (rowid, names) SELECT speaker_id, names FROM speaker_names WHERE speaker_id = new.speaker_id;
END;
CREATE TRIGGER speaker_alias_fts_delete AFTER DELETE ON speaker_alias
BEGIN
    DELETE FROM speaker_fts WHERE rowid = old.speaker_id;
    INSERT INTO speaker_fts (rowid, names) SELECT speaker_id, names FROM speaker_names WHERE speaker_id = old.speaker_id;
END;
