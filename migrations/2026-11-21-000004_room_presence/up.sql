-- Who is in which room on which server instance, so presence is room-wide when several
-- instances serve one room. Rows change only when a user's first socket on an instance
-- opens or the last one closes; instances heartbeat, and rows of an instance that stopped
-- heartbeating (killed) are removed by the others.
CREATE TABLE server_instances (
    id         uuid PRIMARY KEY,
    started_at timestamptz NOT NULL DEFAULT now(),
    seen_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE room_presence (
    room_id      uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    instance_id  uuid NOT NULL REFERENCES server_instances (id) ON DELETE CASCADE,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    display_name text NOT NULL,
    PRIMARY KEY (room_id, instance_id, user_id)
);
CREATE INDEX room_presence_instance_idx ON room_presence (instance_id);

-- Users a moderator removed from a room (`mod.kick`), kept in step with the log by the
-- writer in the same transaction, so REST can refuse them cheaply too.
CREATE TABLE room_bans (
    room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, user_id)
);
