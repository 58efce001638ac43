DROP TABLE room_presence;
DROP TABLE server_instances;
