-- A theme's name and description in the other languages of the pages; English stays in
-- `themes` and is the fallback for a language without a translation.
CREATE TABLE theme_translations (
    theme_id    uuid NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    lang        text NOT NULL CHECK (lang IN ('es', 'it', 'fr', 'de')),
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (theme_id, lang)
);
