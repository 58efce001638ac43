-- Accounts, sessions, organizations (cities are organizations), themes, server keys.
-- Enumerations are text with CHECK constraints: readable in psql, and adding a value is a
-- one-line migration instead of an ALTER TYPE that cannot run inside a transaction.

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL,
    password_hash text NOT NULL,
    display_name  text NOT NULL,
    role          text NOT NULL DEFAULT 'member'
                  CHECK (role IN ('admin', 'moderator', 'member')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_email_lowercase CHECK (email = lower(email))
);
CREATE INDEX users_role_idx ON users (role) WHERE role <> 'member';

-- Refresh tokens are opaque; only their SHA-256 is stored. Tokens rotated from one login
-- share a family, so reuse of a spent token can revoke every descendant at once.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid NOT NULL,
    token_hash  bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('city', 'region', 'company', 'research', 'ngo',
                                             'public_agency', 'citizen_group', 'other')),
    country     text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    population  bigint CHECK (population >= 0),
    website     text,
    description text,
    verified_at timestamptz,
    verified_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organizations_country_idx ON organizations (country);
CREATE INDEX organizations_kind_idx ON organizations (kind);
CREATE INDEX organizations_name_idx ON organizations (lower(name));

CREATE TABLE organization_members (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('owner', 'editor', 'member')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_members_user_idx ON organization_members (user_id);

CREATE TABLE themes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT themes_slug_key UNIQUE (slug)
);

-- Secrets shared by every instance on this database (the JWT signing key).
CREATE TABLE server_keys (
    name       text PRIMARY KEY,
    secret     bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
