use crate::contract::Checked as _;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::helpers::{TEST_JWT_SECRET, TestApp, TestUser, assert_error};

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

#[tokio::test]
async fn register_login_me_refresh_reuse_logout() {
    let app = TestApp::spawn().await;

    // register
    let (status, reg) = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "Ana@Valencia.ES", "password": "a long passphrase", "display_name": "Ana García"}),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let keys: Vec<&str> = reg
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "access_token",
            "expires_in",
            "refresh_token",
            "token_type",
            "user"
        ]
    );
    assert_eq!(reg["user"]["email"], "ana@valencia.es");
    assert_eq!(reg["user"]["display_name"], "Ana García");
    assert_eq!(reg["user"]["role"], "member");
    assert_eq!(reg["token_type"], "Bearer");
    assert_eq!(reg["expires_in"], 900);
    assert!(reg["user"].get("password_hash").is_none());

    // access token claims
    let claims = claims_of(reg["access_token"].as_str().unwrap());
    for c in ["sub", "exp", "iat", "iss", "aud", "jti"] {
        assert!(claims.get(c).is_some(), "claim {c} missing: {claims}");
    }
    assert_eq!(claims["sub"], reg["user"]["id"]);
    let ttl = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
    assert!(ttl <= 900 && ttl > 0);

    // login (email is case-insensitive)
    let (status, login) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "ANA@valencia.es", "password": "a long passphrase"}),
        )
        .await;
    assert_eq!(status, 200, "{login}");
    assert_eq!(login["user"]["id"], reg["user"]["id"]);
    let access = login["access_token"].as_str().unwrap();
    let refresh = login["refresh_token"].as_str().unwrap();

    // me
    let (status, me) = app.get("/api/v1/me", Some(access)).await;
    assert_eq!(status, 200);
    assert_eq!(
        me,
        json!({
            "id": reg["user"]["id"], "email": "ana@valencia.es", "display_name": "Ana García",
            "role": "member", "created_at": reg["user"]["created_at"], "memberships": [],
            "locale": null, "timezone": null
        })
    );

    // refresh: a new pair, the old refresh token is spent
    let (status, r1) = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
        .await;
    assert_eq!(status, 200, "{r1}");
    let refresh2 = r1["refresh_token"].as_str().unwrap();
    assert_ne!(refresh2, refresh);
    let (status, _) = app.get("/api/v1/me", r1["access_token"].as_str()).await;
    assert_eq!(status, 200);

    // reuse of the spent token: 401, and the whole family is revoked
    let (status, body) = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
        .await;
    assert_error(status, &body, 401, "unauthorized");
    let (status, body) = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh2}),
        )
        .await;
    assert_error(status, &body, 401, "unauthorized");

    // the registration session is a separate family and still works; logout ends it
    let reg_refresh = reg["refresh_token"].as_str().unwrap();
    let res = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .json(&json!({"refresh_token": reg_refresh}))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert!(res.text().await.unwrap().is_empty());
    let (status, body) = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": reg_refresh}),
        )
        .await;
    assert_error(status, &body, 401, "unauthorized");
    // logging out again is harmless
    let (status, _) = app
        .post(
            "/api/v1/auth/logout",
            None,
            json!({"refresh_token": reg_refresh}),
        )
        .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn registration_validation_and_duplicates() {
    let app = TestApp::spawn().await;
    let (status, body) = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "not-an-email", "password": "short", "display_name": "   "}),
        )
        .await;
    let details = assert_error(status, &body, 422, "validation_failed");
    let fields: Vec<&String> = details.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["display_name", "email", "password"]);

    let (status, body) = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "a@example.org", "password": "x".repeat(257), "display_name": "A"}),
        )
        .await;
    let details = assert_error(status, &body, 422, "validation_failed");
    assert!(details["password"].as_str().unwrap().contains("256"));

    // exactly 10 and exactly 256 characters are fine
    for (i, pw) in ["x".repeat(10), "y".repeat(256)].iter().enumerate() {
        let (status, body) = app
            .post(
                "/api/v1/auth/register",
                None,
                json!({"email": format!("ok{i}@example.org"), "password": pw, "display_name": "Ok"}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }

    app.register("dup").await;
    let (status, body) = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "DUP@example.org", "password": "another password", "display_name": "Dup"}),
        )
        .await;
    assert_error(status, &body, 409, "email_taken");
}

/// CPU time (user + system, all threads) that process `pid` has used so far, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // After the command name in parentheses: state is field 3, utime 14 and stime 15.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[tokio::test]
async fn login_failures_are_indistinguishable() {
    // The server in a process of its own: the work it does per login is measured as its CPU
    // time, which the tests running beside it cannot disturb (wall-clock time they can).
    let app = TestApp::spawn_process().await;
    let pid = app.server_pid().unwrap();
    let user = app.register("carla").await;
    let wrong_pw = json!({"email": user.email, "password": "not her password"});
    let no_user = json!({"email": "nobody@example.org", "password": "not her password"});
    let bad_email = json!({"email": "garbage", "password": "whatever password"});
    let mut cpu = Vec::new();
    for body in [&wrong_pw, &no_user] {
        let before = cpu_ticks(pid);
        for _ in 0..5 {
            let (status, json) = app.post("/api/v1/auth/login", None, body.clone()).await;
            let d = assert_error(status, &json, 401, "invalid_credentials");
            assert_eq!(json["error"]["message"], "invalid email or password");
            assert_eq!(d, json!({}));
        }
        cpu.push(cpu_ticks(pid) - before);
    }
    let (status, json) = app.post("/api/v1/auth/login", None, bad_email).await;
    assert_error(status, &json, 401, "invalid_credentials");

    // Unknown accounts run the same password hash check: without it they would cost a small
    // fraction of the work (no argon2), and answer that much sooner, which tells an attacker
    // who has an account.
    let (wrong, unknown) = (cpu[0], cpu[1]);
    assert!(wrong >= 5, "5 argon2 checks took only {wrong} ticks of CPU");
    assert!(
        unknown as f64 > 0.3 * wrong as f64,
        "CPU ticks for 5 logins: unknown email {unknown} vs wrong password {wrong}"
    );
}

/// The session (refresh token family) `user` registered into.
async fn session_of(app: &TestApp, user: &TestUser) -> String {
    app.db()
        .await
        .query_one(
            "SELECT family_id::text FROM refresh_tokens WHERE user_id = $1::text::uuid LIMIT 1",
            &[&user.id.to_string()],
        )
        .await
        .unwrap()
        .get(0)
}

fn sign(claims: &Value, alg: Algorithm, key: &[u8]) -> String {
    jsonwebtoken::encode(&Header::new(alg), claims, &EncodingKey::from_secret(key)).unwrap()
}

#[tokio::test]
async fn access_tokens_are_checked_strictly() {
    let app = TestApp::spawn().await;
    let user = app.register("dora").await;
    let now = chrono::Utc::now().timestamp();
    let sid = session_of(&app, &user).await;
    let good = json!({"sub": user.id, "iat": now, "exp": now + 600, "iss": "livinglab",
                      "aud": "livinglab-api", "jti": uuid::Uuid::now_v7(), "sid": sid});
    let with = |k: &str, v: Value| {
        let mut c = good.clone();
        c[k] = v;
        c
    };
    let secret = TEST_JWT_SECRET.as_bytes();
    // Sanity: a token we sign like the server does is accepted.
    let (status, _) = app
        .get("/api/v1/me", Some(&sign(&good, Algorithm::HS256, secret)))
        .await;
    assert_eq!(status, 200);

    let mut no_aud = good.clone();
    no_aud.as_object_mut().unwrap().remove("aud");
    let alg_none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(good.to_string())
    );
    let cases = [
        (
            "expired",
            sign(&with("exp", json!(now - 60)), Algorithm::HS256, secret),
        ),
        (
            "wrong audience",
            sign(&with("aud", json!("other")), Algorithm::HS256, secret),
        ),
        (
            "wrong issuer",
            sign(&with("iss", json!("evil")), Algorithm::HS256, secret),
        ),
        ("no audience", sign(&no_aud, Algorithm::HS256, secret)),
        (
            "other key",
            sign(
                &good,
                Algorithm::HS256,
                b"another-secret-of-sufficient-length!!",
            ),
        ),
        ("other algorithm", sign(&good, Algorithm::HS512, secret)),
        ("alg none", alg_none),
        (
            "unknown user",
            sign(
                &with("sub", json!(uuid::Uuid::now_v7())),
                Algorithm::HS256,
                secret,
            ),
        ),
        (
            "unknown session",
            sign(
                &with("sid", json!(uuid::Uuid::now_v7())),
                Algorithm::HS256,
                secret,
            ),
        ),
        ("no session", {
            let mut c = good.clone();
            c.as_object_mut().unwrap().remove("sid");
            sign(&c, Algorithm::HS256, secret)
        }),
        ("garbage", "abc.def.ghi".to_owned()),
    ];
    for (name, token) in cases {
        let (status, body) = app.get("/api/v1/me", Some(&token)).await;
        assert_eq!(status, 401, "{name}: {body}");
        assert_eq!(body["error"]["code"], "unauthorized", "{name}");
    }
    let expired = sign(&with("exp", json!(now - 60)), Algorithm::HS256, secret);
    let (_, body) = app.get("/api/v1/me", Some(&expired)).await;
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );

    // No header, wrong scheme: 401 with a challenge.
    let res = app
        .client
        .get(app.url("/api/v1/me"))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    let res = app
        .client
        .get(app.url("/api/v1/me"))
        .header("authorization", format!("Basic {}", user.access))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn a_short_ttl_token_expires() {
    let app = TestApp::spawn_with(|s| s.auth.access_token_ttl = Duration::from_secs(1)).await;
    let user = app.register("eve").await;
    assert_eq!(app.get("/api/v1/me", Some(&user.access)).await.0, 200);
    // 1 s lifetime + 5 s leeway for clock drift between instances.
    tokio::time::sleep(Duration::from_millis(7_000)).await;
    let (status, body) = app.get("/api/v1/me", Some(&user.access)).await;
    assert_error(status, &body, 401, "unauthorized");
    // ...and the refresh token still gets a fresh one.
    let (status, r) = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": user.refresh}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        app.get("/api/v1/me", r["access_token"].as_str()).await.0,
        200
    );
}

#[tokio::test]
async fn concurrent_use_of_one_refresh_token_succeeds_once() {
    let app = TestApp::spawn().await;
    let user = app.register("fran").await;
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let client = app.client.clone();
            let url = app.url("/api/v1/auth/refresh");
            let token = user.refresh.clone();
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&json!({"refresh_token": token}))
                    .send_checked()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, [200, 401, 401, 401, 401, 401]);
}

#[tokio::test]
async fn expired_refresh_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.register("gus").await;
    let db = app.db().await;
    db.execute(
        "UPDATE refresh_tokens SET expires_at = now() - interval '1 minute'",
        &[],
    )
    .await
    .unwrap();
    let (status, body) = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": user.refresh}),
        )
        .await;
    assert_error(status, &body, 401, "unauthorized");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

#[tokio::test]
async fn refresh_tokens_are_stored_hashed() {
    let app = TestApp::spawn().await;
    let user = app.register("hana").await;
    let db = app.db().await;
    let rows = db
        .query("SELECT token_hash FROM refresh_tokens", &[])
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let stored: Vec<u8> = rows[0].get(0);
    assert_eq!(stored.len(), 32);
    assert!(
        !stored
            .windows(8)
            .any(|w| user.refresh.as_bytes().windows(8).any(|x| x == w))
    );
    let hash: String = db
        .query_one("SELECT password_hash FROM users", &[])
        .await
        .unwrap()
        .get(0);
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
}

#[tokio::test]
async fn register_and_login_are_rate_limited_per_ip() {
    let app = TestApp::spawn_with(|s| s.auth.rate_per_minute = 3).await;
    let body = json!({"email": "x@example.org", "password": "wrong password"});
    for _ in 0..3 {
        let (status, _) = app.post("/api/v1/auth/login", None, body.clone()).await;
        assert_eq!(status, 401);
    }
    let res = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({"email": "y@example.org", "password": "long enough pw", "display_name": "Y"}))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let json: Value = res.json().await.unwrap();
    assert_error(
        reqwest::StatusCode::TOO_MANY_REQUESTS,
        &json,
        429,
        "rate_limited",
    );
    // Other routes are not limited.
    assert_eq!(app.get("/api/v1/themes", None).await.0, 200);
    // Nothing was stored by the refused registration.
    assert_eq!(app.count("users").await, 0);
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_last_hop_is_the_client() {
    let app = TestApp::spawn_with(|s| {
        s.auth.rate_per_minute = 2;
        s.http.trust_proxy_headers = true;
    })
    .await;
    let body = json!({"email": "x@example.org", "password": "wrong password"});
    let attempt = |xff: &'static str| {
        let req = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", xff)
            .json(&body);
        async move { req.send_checked().await.unwrap().status().as_u16() }
    };
    // A client forging the left part of the header does not get a fresh budget: the
    // proxy appended the real address last.
    assert_eq!(attempt("1.1.1.1, 203.0.113.5").await, 401);
    assert_eq!(attempt("2.2.2.2, 203.0.113.5").await, 401);
    assert_eq!(attempt("3.3.3.3, 203.0.113.5").await, 429);
    // Another real client still has its own budget.
    assert_eq!(attempt("203.0.113.6").await, 401);
}
