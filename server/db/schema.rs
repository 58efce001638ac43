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
        locale -> Nullable<Text>,
        timezone -> Nullable<Text>,
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
        session_started_at -> Timestamptz,
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
    theme_translations (theme_id, lang) {
        theme_id -> Uuid,
        lang -> Text,
        name -> Text,
        description -> Text,
        updated_at -> Timestamptz,
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

diesel::table! {
    events (id) {
        id -> Uuid,
        title -> Text,
        description -> Text,
        kind -> Text,
        status -> Text,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        timezone -> Text,
        mode -> Text,
        location -> Nullable<Text>,
        online_url -> Nullable<Text>,
        capacity -> Nullable<Int4>,
        registration_opens_at -> Nullable<Timestamptz>,
        registration_closes_at -> Nullable<Timestamptz>,
        organization_id -> Nullable<Uuid>,
        room_id -> Uuid,
        cancel_reason -> Nullable<Text>,
        sequence -> Int4,
        next_queue -> Int8,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    event_themes (event_id, theme_id) {
        event_id -> Uuid,
        theme_id -> Uuid,
    }
}

diesel::table! {
    event_agenda_items (event_id, position) {
        event_id -> Uuid,
        position -> Int4,
        starts_at -> Timestamptz,
        title -> Text,
        speaker -> Nullable<Text>,
        description -> Nullable<Text>,
    }
}

diesel::table! {
    event_registrations (event_id, user_id) {
        event_id -> Uuid,
        user_id -> Uuid,
        status -> Text,
        queue -> Int8,
        attended -> Nullable<Bool>,
        created_at -> Timestamptz,
        registered_at -> Nullable<Timestamptz>,
        cancelled_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    event_minutes (event_id) {
        event_id -> Uuid,
        markdown -> Text,
        updated_by -> Nullable<Uuid>,
        updated_at -> Timestamptz,
        version -> Int4,
        published_at -> Nullable<Timestamptz>,
        published_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    event_minutes_revisions (event_id, version) {
        event_id -> Uuid,
        version -> Int4,
        markdown -> Text,
        source -> Text,
        author_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    calendar_tokens (user_id) {
        user_id -> Uuid,
        token_hash -> Bytea,
        created_at -> Timestamptz,
    }
}

// Generated columns (title, summary, language, implementation_status, start_year,
// theme_ids, search) are left out: they are read by the search's SQL only.
diesel::table! {
    practices (id) {
        id -> Uuid,
        organization_id -> Uuid,
        status -> Text,
        content -> Jsonb,
        revision -> Int4,
        hidden_at -> Nullable<Timestamptz>,
        hidden_reason -> Nullable<Text>,
        hidden_by -> Nullable<Uuid>,
        comment_count -> Int4,
        endorsement_count -> Int4,
        adoption_count -> Int4,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        published_at -> Nullable<Timestamptz>,
        shown_at -> Nullable<Timestamptz>,
        shown_reason -> Nullable<Text>,
        shown_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    practice_revisions (practice_id, number) {
        practice_id -> Uuid,
        number -> Int4,
        author_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        changed_fields -> Array<Text>,
        content -> Jsonb,
    }
}

diesel::table! {
    practice_comments (id) {
        id -> Uuid,
        practice_id -> Uuid,
        parent_id -> Nullable<Uuid>,
        author_id -> Nullable<Uuid>,
        body -> Text,
        created_at -> Timestamptz,
        edited_at -> Nullable<Timestamptz>,
        deleted_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    practice_endorsements (practice_id, user_id) {
        practice_id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    practice_adoptions (id) {
        id -> Uuid,
        practice_id -> Uuid,
        organization_id -> Uuid,
        status -> Text,
        note -> Nullable<Text>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    documents (id) {
        id -> Uuid,
        attached_type -> Text,
        attached_id -> Uuid,
        title -> Text,
        latest -> Int4,
        uploaded_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        deleted_at -> Nullable<Timestamptz>,
        deleted_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    document_versions (document_id, number) {
        document_id -> Uuid,
        number -> Int4,
        filename -> Text,
        content_type -> Text,
        size -> Int8,
        sha256 -> Text,
        uploaded_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(organization_members -> organizations (organization_id));
diesel::joinable!(organization_members -> users (user_id));
diesel::joinable!(room_moderators -> users (user_id));
diesel::joinable!(room_participants -> users (user_id));
diesel::joinable!(room_events -> rooms (room_id));
diesel::joinable!(event_themes -> events (event_id));
diesel::joinable!(event_themes -> themes (theme_id));
diesel::joinable!(theme_translations -> themes (theme_id));
diesel::joinable!(event_registrations -> events (event_id));
diesel::joinable!(event_registrations -> users (user_id));
diesel::joinable!(event_minutes_revisions -> events (event_id));
diesel::joinable!(event_minutes_revisions -> users (author_id));
diesel::joinable!(events -> rooms (room_id));
diesel::joinable!(practices -> organizations (organization_id));
diesel::joinable!(document_versions -> documents (document_id));
diesel::joinable!(practice_revisions -> practices (practice_id));
diesel::joinable!(practice_revisions -> users (author_id));
diesel::joinable!(practice_comments -> practices (practice_id));
diesel::joinable!(practice_comments -> users (author_id));
diesel::joinable!(practice_endorsements -> practices (practice_id));
diesel::joinable!(practice_adoptions -> practices (practice_id));
diesel::joinable!(practice_adoptions -> organizations (organization_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    refresh_tokens,
    organizations,
    organization_members,
    themes,
    theme_translations,
    server_keys,
    rooms,
    room_moderators,
    room_participants,
    room_events,
    server_instances,
    room_presence,
    room_bans,
    events,
    event_themes,
    event_agenda_items,
    event_registrations,
    event_minutes,
    event_minutes_revisions,
    calendar_tokens,
    practices,
    practice_revisions,
    practice_comments,
    practice_endorsements,
    practice_adoptions,
    documents,
    document_versions,
);
