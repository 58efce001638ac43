use crate::helpers::{admin_client, cluster, create_database};

async fn tables(db: &str) -> Vec<String> {
    let client = admin_client(&cluster().base_url, db).await;
    client
        .query(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations' \
             ORDER BY 1",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// The migrations in the source tree (several branches add some: not a fixed number).
fn migration_count() -> usize {
    std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("up.sql").exists())
        .count()
}

#[tokio::test]
async fn migrations_go_up_down_and_up_again() {
    let (url, name) = create_database(false).await;
    let up = livinglab::db::run_migrations(&url).await.unwrap();
    assert_eq!(up.len(), migration_count(), "{up:?}");
    let after_up = tables(&name).await;
    assert_eq!(
        after_up,
        [
            "calendar_tokens",
            "document_versions",
            "documents",
            "event_agenda_items",
            "event_minutes",
            "event_minutes_revisions",
            "event_registrations",
            "event_themes",
            "events",
            "organization_members",
            "organizations",
            "practice_adoptions",
            "practice_comments",
            "practice_endorsements",
            "practice_revisions",
            "practice_terms",
            "practices",
            "refresh_tokens",
            "room_bans",
            "room_events",
            "room_moderators",
            "room_participants",
            "room_presence",
            "rooms",
            "server_instances",
            "server_keys",
            "theme_translations",
            "themes",
            "users"
        ]
    );

    let down = livinglab::db::revert_all_migrations(&url).await.unwrap();
    assert_eq!(down.len(), migration_count());
    assert!(tables(&name).await.is_empty());

    let again = livinglab::db::run_migrations(&url).await.unwrap();
    assert_eq!(again, up);
    assert_eq!(tables(&name).await, after_up);
    let client = admin_client(&cluster().base_url, &name).await;
    let themes: i64 = client
        .query_one("SELECT count(*) FROM themes", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(themes, 18);
    // Nothing left to do.
    assert!(
        livinglab::db::run_migrations(&url)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn concurrent_migrations_serialize_on_the_advisory_lock() {
    let (url, _) = create_database(false).await;
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            tokio::spawn(async move { livinglab::db::run_migrations(&url).await })
        })
        .collect();
    let mut applied = 0;
    for r in runs {
        applied += r.await.unwrap().expect("no migration error").len();
    }
    assert_eq!(
        applied,
        migration_count(),
        "each migration applied exactly once"
    );
}
