DROP TABLE calendar_tokens;
DROP TABLE event_minutes;
DROP TABLE event_registrations;
DROP TABLE event_agenda_items;
DROP TABLE event_themes;
DROP TABLE events;
-- Event rooms lose their event; they stay as invite-only rooms.
UPDATE rooms SET access = 'invite' WHERE access = 'event';
ALTER TABLE rooms DROP CONSTRAINT rooms_access_check;
ALTER TABLE rooms ADD CONSTRAINT rooms_access_check
    CHECK (access IN ('open', 'members', 'invite'));
