-- What the web pages use for a signed-in person: their language (one of the served
-- catalogues' codes) and their timezone (an IANA name). NULL: from the browser.
ALTER TABLE users
    ADD COLUMN locale text CHECK (locale ~ '^[a-z]{2}$'),
    ADD COLUMN timezone text CHECK (char_length(timezone) BETWEEN 1 AND 64);
