-- Live workshop rooms. `room_events` is the room's append-only log and the only truth:
-- live delivery, resume, REST history and the Markdown export all read it. `last_seq` on
-- the room row is the seq counter; taking that row's lock serializes writers of one room
-- (across instances) while different rooms proceed in parallel.

CREATE TABLE rooms (
    id                 uuid PRIMARY KEY,
    name               text NOT NULL,
    description        text,
    access             text NOT NULL CHECK (access IN ('open', 'members', 'invite')),
    theme_id           uuid REFERENCES themes (id) ON DELETE SET NULL,
    organization_id    uuid REFERENCES organizations (id) ON DELETE SET NULL,
    dot_votes_per_user integer NOT NULL DEFAULT 3 CHECK (dot_votes_per_user BETWEEN 0 AND 100),
    last_seq           bigint NOT NULL DEFAULT 0,
    created_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rooms_members_need_org CHECK (access <> 'members' OR organization_id IS NOT NULL)
);
CREATE INDEX rooms_organization_idx ON rooms (organization_id);

CREATE TABLE room_moderators (
    room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_moderators_user_idx ON room_moderators (user_id);

CREATE TABLE room_participants (
    room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_participants_user_idx ON room_participants (user_id);

-- `actor_name` is the name as it was when the event happened (minutes should not change
-- when someone renames themselves). `data` holds the event's own fields; a `private` key
-- inside it is kept for state (e.g. ballot choices) and never sent to clients.
CREATE TABLE room_events (
    room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    seq        bigint NOT NULL CHECK (seq > 0),
    kind       text NOT NULL,
    actor_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    actor_name text NOT NULL,
    client_ref text,
    data       jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, seq)
);
-- A client that resends a frame with the same ref (after a reconnect) gets the first seq.
CREATE UNIQUE INDEX room_events_ref_key ON room_events (room_id, actor_id, client_ref)
    WHERE client_ref IS NOT NULL;
