-- Storage quotas sum the versions an account uploaded.
CREATE INDEX document_versions_uploader_idx ON document_versions (uploaded_by);
