-- Workshop events. Each event owns a live room (access `event`: registered people and the
-- room's moderators, who are the event's moderators). Instants are UTC; `timezone` is the
-- IANA zone the event is planned in, for display.

ALTER TABLE rooms DROP CONSTRAINT rooms_access_check;
ALTER TABLE rooms ADD CONSTRAINT rooms_access_check
    CHECK (access IN ('open', 'members', 'invite', 'event'));

CREATE TABLE events (
    id                     uuid PRIMARY KEY,
    title                  text NOT NULL,
    description            text NOT NULL DEFAULT '',
    kind                   text NOT NULL CHECK (kind IN ('workshop', 'training', 'webinar',
                               'living_lab_session', 'study_visit', 'conference', 'meeting')),
    status                 text NOT NULL DEFAULT 'draft'
                               CHECK (status IN ('draft', 'published', 'live', 'ended', 'cancelled')),
    starts_at              timestamptz NOT NULL,
    ends_at                timestamptz NOT NULL,
    timezone               text NOT NULL,
    mode                   text NOT NULL CHECK (mode IN ('online', 'in_person', 'hybrid')),
    location               text,
    online_url             text,
    -- NULL: no limit.
    capacity               integer CHECK (capacity IS NULL OR capacity >= 1),
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz,
    organization_id        uuid REFERENCES organizations (id) ON DELETE SET NULL,
    room_id                uuid NOT NULL UNIQUE REFERENCES rooms (id),
    cancel_reason          text,
    -- iCalendar SEQUENCE: bumped by every change, so calendar clients take the new version.
    sequence               integer NOT NULL DEFAULT 0,
    -- Hands out registration order under the event row's lock (waitlist positions).
    next_queue             bigint NOT NULL DEFAULT 0,
    created_by             uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT events_registration_window CHECK (registration_opens_at IS NULL
        OR registration_closes_at IS NULL OR registration_closes_at > registration_opens_at)
);
CREATE INDEX events_starts_idx ON events (starts_at, id);
CREATE INDEX events_organization_idx ON events (organization_id);
-- The clock looks for events whose start or end has passed.
CREATE INDEX events_open_idx ON events (status, starts_at, ends_at)
    WHERE status IN ('published', 'live');

CREATE TABLE event_themes (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    theme_id uuid NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, theme_id)
);
CREATE INDEX event_themes_theme_idx ON event_themes (theme_id);

CREATE TABLE event_agenda_items (
    event_id    uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    starts_at   timestamptz NOT NULL,
    title       text NOT NULL,
    speaker     text,
    description text,
    PRIMARY KEY (event_id, position)
);

-- One row per person and event. A cancelled registration keeps its row (organisers see who
-- dropped out); registering again reuses it with a fresh place in the queue.
CREATE TABLE event_registrations (
    event_id      uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status        text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    -- Arrival order; the waitlist position is the rank among waitlisted rows.
    queue         bigint NOT NULL,
    attended      boolean,
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- When the person got a seat (at once or by promotion).
    registered_at timestamptz,
    cancelled_at  timestamptz,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_registrations_user_idx ON event_registrations (user_id);
CREATE INDEX event_registrations_queue_idx ON event_registrations (event_id, status, queue);

CREATE TABLE event_minutes (
    event_id   uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    markdown   text NOT NULL,
    updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Personal calendar feeds: only a hash of the token is kept; a new token replaces the old.
CREATE TABLE calendar_tokens (
    user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
