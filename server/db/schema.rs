// Mirrors migrations/. Written by hand (diesel print-schema needs libpq, which we avoid);
// the migration round-trip test and every query test catch a drift.

diesel::table! {
    users (id) {
        id -> Uuid,
        email -> Text,
        password_hash -> Text,
        display_name -> Text,
        role -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Bytea,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    organizations (id) {
        id -> Uuid,
        name -> Text,
        kind -> Text,
        country -> Text,
        population -> Nullable<Int8>,
        website -> Nullable<Text>,
        description -> Nullable<Text>,
        verified_at -> Nullable<Timestamptz>,
        verified_by -> Nullable<Uuid>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    organization_members (organization_id, user_id) {
        organization_id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    themes (id) {
        id -> Uuid,
        slug -> Text,
        name -> Text,
        description -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    server_keys (name) {
        name -> Text,
        secret -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    rooms (id) {
        id -> Uuid,
        name -> Text,
        description -> Nullable<Text>,
        access -> Text,
        theme_id -> Nullable<Uuid>,
        organization_id -> Nullable<Uuid>,
        dot_votes_per_user -> Int4,
        last_seq -> Int8,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    room_moderators (room_id, user_id) {
        room_id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    room_participants (room_id, user_id) {
        room_id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    room_events (room_id, seq) {
        room_id -> Uuid,
        seq -> Int8,
        kind -> Text,
        actor_id -> Nullable<Uuid>,
        actor_name -> Text,
        client_ref -> Nullable<Text>,
        data -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    server_instances (id) {
        id -> Uuid,
        started_at -> Timestamptz,
        seen_at -> Timestamptz,
    }
}

diesel::table! {
    room_presence (room_id, instance_id, user_id) {
        room_id -> Uuid,
        instance_id -> Uuid,
        user_id -> Uuid,
        display_name -> Text,
    }
}

diesel::table! {
    room_bans (room_id, user_id) {
        room_id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(organization_members -> organizations (organization_id));
diesel::joinable!(organization_members -> users (user_id));
diesel::joinable!(room_moderators -> users (user_id));
diesel::joinable!(room_participants -> users (user_id));
diesel::joinable!(room_events -> rooms (room_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    refresh_tokens,
    organizations,
    organization_members,
    themes,
    server_keys,
    rooms,
    room_moderators,
    room_participants,
    room_events,
    server_instances,
    room_presence,
    room_bans,
);
