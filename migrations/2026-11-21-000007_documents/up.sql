-- Documents shared with a practice, an event, a room or an organization. Access follows the
-- parent, so there is no ACL here. Contents live in content-addressed storage (by SHA-256),
-- outside the database; a version row names its blob.

CREATE TABLE documents (
    id            uuid PRIMARY KEY,
    attached_type text NOT NULL
                  CHECK (attached_type IN ('practice', 'event', 'room', 'organization')),
    attached_id   uuid NOT NULL,
    title         text NOT NULL,
    latest        integer NOT NULL DEFAULT 1,
    uploaded_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    deleted_by    uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX documents_attached_idx ON documents (attached_type, attached_id, created_at)
    WHERE deleted_at IS NULL;

CREATE TABLE document_versions (
    document_id  uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number       integer NOT NULL CHECK (number >= 1),
    filename     text NOT NULL,
    content_type text NOT NULL,
    size         bigint NOT NULL CHECK (size >= 0),
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, number)
);
CREATE INDEX document_versions_sha_idx ON document_versions (sha256);
