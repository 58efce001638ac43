-- Good-practice write-ups: the record, its revisions, comments, endorsements and adoptions.
-- `content` is the editable document exactly as the API validated it; the columns the
-- search filters on are generated from it, so they can never disagree with it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The text search configuration for a write-up's language (ISO 639-1). Languages
-- PostgreSQL has no stemmer for get 'simple' (lower-cased words, no stemming).
CREATE FUNCTION practice_ts_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lang
        WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french'
        WHEN 'de' THEN 'german' WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese'
        WHEN 'nl' THEN 'dutch' WHEN 'da' THEN 'danish' WHEN 'sv' THEN 'swedish'
        WHEN 'fi' THEN 'finnish' WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian'
        WHEN 'el' THEN 'greek' WHEN 'lt' THEN 'lithuanian' WHEN 'no' THEN 'norwegian'
        WHEN 'nb' THEN 'norwegian' WHEN 'ca' THEN 'catalan' WHEN 'tr' THEN 'turkish'
        WHEN 'ga' THEN 'irish' WHEN 'ru' THEN 'russian'
        ELSE 'simple'
    END::regconfig
$$;

-- jsonb array of UUID strings -> uuid[] (for the generated theme column).
CREATE FUNCTION practice_uuid_array(j jsonb) RETURNS uuid[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(x::uuid), '{}') FROM jsonb_array_elements_text(j) AS x
$$;

CREATE TABLE practices (
    id                    uuid PRIMARY KEY,
    organization_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    status                text NOT NULL DEFAULT 'draft'
                          CHECK (status IN ('draft', 'published', 'archived')),
    content               jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
    revision              integer NOT NULL DEFAULT 1,
    hidden_at             timestamptz,
    hidden_reason         text,
    hidden_by             uuid REFERENCES users (id) ON DELETE SET NULL,
    comment_count         integer NOT NULL DEFAULT 0,
    endorsement_count     integer NOT NULL DEFAULT 0,
    adoption_count        integer NOT NULL DEFAULT 0,
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    published_at          timestamptz,
    title                 text GENERATED ALWAYS AS (content ->> 'title') STORED,
    summary               text GENERATED ALWAYS AS (content ->> 'summary') STORED,
    language              text GENERATED ALWAYS AS (content ->> 'language') STORED,
    implementation_status text GENERATED ALWAYS AS (content ->> 'implementation_status') STORED,
    start_year            integer GENERATED ALWAYS AS
                          (left(content ->> 'start_date', 4)::integer) STORED,
    theme_ids             uuid[] GENERATED ALWAYS AS
                          (practice_uuid_array(content -> 'theme_ids')) STORED,
    -- Weights: title A; summary and tags B; every other text C.
    search                tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(practice_ts_config(content ->> 'language'),
                              coalesce(content ->> 'title', '')), 'A') ||
        setweight(to_tsvector(practice_ts_config(content ->> 'language'),
                              coalesce(content ->> 'summary', '') || ' ' ||
                              coalesce(content ->> 'tags', '')), 'B') ||
        setweight(to_tsvector(practice_ts_config(content ->> 'language'),
                              coalesce(content ->> 'body', '') || ' ' ||
                              coalesce(content ->> 'results', '') || ' ' ||
                              coalesce(content ->> 'lessons_learned', '') || ' ' ||
                              coalesce(content ->> 'transferability', '') || ' ' ||
                              coalesce(content ->> 'stakeholders_involved', '') || ' ' ||
                              coalesce(content ->> 'funding_sources', '') || ' ' ||
                              coalesce(content -> 'location' ->> 'place', '')), 'C')
    ) STORED,
    -- Title and summary/tags only, for ranking: small enough to stay in the row, so
    -- ranking thousands of matches does not read every document's whole vector.
    search_head           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(practice_ts_config(content ->> 'language'),
                              coalesce(content ->> 'title', '')), 'A') ||
        setweight(to_tsvector(practice_ts_config(content ->> 'language'),
                              coalesce(content ->> 'summary', '') || ' ' ||
                              coalesce(content ->> 'tags', '')), 'B')
    ) STORED,
    CONSTRAINT practices_hidden_reason CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
-- A search reads the rows of every match (filters, facets, rank): keep them narrow. Long
-- values (the document, the full vector, the texts) go out of line; what filters, facets
-- and ranking read stays in the row (MAIN: compressed if need be, moved out only if the
-- row would not fit a page).
ALTER TABLE practices SET (toast_tuple_target = 128);
ALTER TABLE practices ALTER COLUMN search_head SET STORAGE MAIN;
ALTER TABLE practices ALTER COLUMN theme_ids SET STORAGE MAIN;
ALTER TABLE practices ALTER COLUMN language SET STORAGE MAIN;
ALTER TABLE practices ALTER COLUMN implementation_status SET STORAGE MAIN;
CREATE INDEX practices_search_idx ON practices USING gin (search);
CREATE INDEX practices_themes_idx ON practices USING gin (theme_ids);
CREATE INDEX practices_organization_idx ON practices (organization_id, updated_at DESC);
-- The public catalogue: newest first, and most endorsed first.
CREATE INDEX practices_public_newest_idx ON practices (published_at DESC, id)
    WHERE status = 'published' AND hidden_at IS NULL;
CREATE INDEX practices_public_endorsed_idx ON practices (endorsement_count DESC, id)
    WHERE status = 'published' AND hidden_at IS NULL;

-- Every word the write-ups use (unstemmed), for typo tolerance: a query word that is not
-- here is widened to the known words most similar to it (pg_trgm).
CREATE TABLE practice_terms (
    term text PRIMARY KEY
);
CREATE INDEX practice_terms_trgm_idx ON practice_terms USING gin (term gin_trgm_ops);

CREATE TABLE practice_revisions (
    practice_id    uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    number         integer NOT NULL CHECK (number >= 1),
    author_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    changed_fields text[] NOT NULL,
    content        jsonb NOT NULL,
    PRIMARY KEY (practice_id, number)
);

CREATE TABLE practice_comments (
    id          uuid PRIMARY KEY,
    practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    -- One level of replies: a reply's parent is never itself a reply (checked on insert).
    parent_id   uuid REFERENCES practice_comments (id) ON DELETE CASCADE,
    author_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    edited_at   timestamptz,
    -- Deleted comments keep their place (replies stay attached) but lose their text.
    deleted_at  timestamptz
);
CREATE INDEX practice_comments_practice_idx ON practice_comments (practice_id, created_at, id);
CREATE INDEX practice_comments_parent_idx ON practice_comments (parent_id);

CREATE TABLE practice_endorsements (
    practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, user_id)
);
CREATE INDEX practice_endorsements_user_idx ON practice_endorsements (user_id);

CREATE TABLE practice_adoptions (
    id              uuid PRIMARY KEY,
    practice_id     uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    status          text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed')),
    note            text,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT practice_adoptions_once UNIQUE (practice_id, organization_id)
);
CREATE INDEX practice_adoptions_organization_idx ON practice_adoptions (organization_id);
