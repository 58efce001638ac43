DROP TABLE server_keys;
DROP TABLE themes;
DROP TABLE organization_members;
DROP TABLE organizations;
DROP TABLE refresh_tokens;
DROP TABLE users;
