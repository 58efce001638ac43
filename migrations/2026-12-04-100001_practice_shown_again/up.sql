-- A moderator who shows a hidden practice again says why; the last such decision is kept
-- beside the hiding columns (which are cleared when the practice is shown).
ALTER TABLE practices
    ADD COLUMN shown_at     timestamptz,
    ADD COLUMN shown_reason text,
    ADD COLUMN shown_by     uuid REFERENCES users (id) ON DELETE SET NULL;
