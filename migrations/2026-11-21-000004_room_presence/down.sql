DROP TABLE room_bans;
DROP TABLE room_presence;
DROP TABLE server_instances;
