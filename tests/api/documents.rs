//! Documents over HTTP: streamed multipart uploads, type sniffing, limits, rights inherited
//! from the parent, versions, downloads with Range/ETag, and aborted uploads.

use crate::contract::Checked as _;
use std::time::Duration;

use reqwest::header::{CONTENT_DISPOSITION, CONTENT_RANGE, ETAG, IF_NONE_MATCH, RANGE};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::helpers::{TestApp, TestUser, assert_error, id};

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `n` bytes of a "PDF": the magic number, then pseudo-random bytes.
fn pdf(n: usize, seed: u64) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut x = seed | 1;
    while out.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(n);
    out
}

/// A practice of a new city of `owner`'s, published or a draft; its id.
async fn practice(app: &TestApp, owner: &TestUser, publish: bool) -> String {
    let org = app.city(owner, "Bologna", "IT").await;
    let themes = app.get_ok("/api/v1/themes?limit=1", None).await;
    let p = app
        .create_practice(
            owner,
            json!({"organization_id": org, "title": "Open data portal", "summary": "Data.",
                   "body": "Body.", "theme_ids": [id(&themes["items"][0])], "language": "it",
                   "implementation_status": "ongoing"}),
        )
        .await;
    if publish {
        app.publish_practice(owner, id(&p)).await;
    }
    id(&p).to_owned()
}

fn parent(kind: &str, pid: &str) -> Vec<(&'static str, String)> {
    vec![
        ("attach_to_type", kind.to_owned()),
        ("attach_to_id", pid.to_owned()),
    ]
}

/// The files under `dir` and its subfolders.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Files under the app's document storage: (in tmp/ (every instance's folder), stored
/// blobs).
fn storage_files(app: &TestApp) -> (usize, usize) {
    let root = app.data_dir.join("documents");
    let all = files_under(&root);
    let tmp = all
        .iter()
        .filter(|p| p.starts_with(root.join("tmp")))
        .count();
    (tmp, all.len() - tmp)
}

/// Where the blob with this SHA-256 is stored.
fn blob_path(app: &TestApp, sha256: &str) -> std::path::PathBuf {
    app.data_dir
        .join("documents")
        .join(&sha256[0..2])
        .join(&sha256[2..4])
        .join(sha256)
}

/// A multipart upload written by hand over a raw socket, so a test can stop in the middle
/// of the file.
struct RawUpload {
    sock: tokio::net::TcpStream,
    tail: String,
}

impl RawUpload {
    /// Sends the head and `first` bytes of a file of `len` bytes, and waits until the
    /// server has it in a temporary file.
    async fn start(app: &TestApp, user: &TestUser, pid: &str, first: &[u8], len: usize) -> Self {
        let fields = parent("practice", pid);
        Self::start_at(app, user, "/api/v1/documents", &fields, first, len).await
    }

    /// The same, to `path` with these text fields before the file.
    async fn start_at(
        app: &TestApp,
        user: &TestUser,
        path: &str,
        fields: &[(&str, String)],
        first: &[u8],
        len: usize,
    ) -> Self {
        let addr = app.addr.trim_start_matches("http://").to_owned();
        let boundary = "XyZboundary";
        let mut head = String::new();
        for (name, value) in fields {
            head += &format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            );
        }
        head += &format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        );
        let tail = format!("\r\n--{boundary}--\r\n");
        let total = head.len() + len + tail.len();
        let mut sock = tokio::net::TcpStream::connect(&addr).await.unwrap();
        sock.write_all(
            format!(
                "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\
                 Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {total}\r\n\r\n",
                user.access
            )
            .as_bytes(),
        )
        .await
        .unwrap();
        sock.write_all(head.as_bytes()).await.unwrap();
        sock.write_all(first).await.unwrap();
        sock.flush().await.unwrap();
        // Waited for (however busy the machine is), not slept on.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while storage_files(app).0 != 1 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the upload should be in progress in tmp/: {:?}",
                storage_files(app)
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Self { sock, tail }
    }

    /// Sends the rest of the file and the end of the form; the response's status.
    async fn finish(mut self, rest: &[u8]) -> u16 {
        use tokio::io::AsyncReadExt;
        self.sock.write_all(rest).await.unwrap();
        self.sock.write_all(self.tail.as_bytes()).await.unwrap();
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = self.sock.read(&mut chunk).await.unwrap();
            assert!(n > 0, "closed: {}", String::from_utf8_lossy(&buf));
            buf.extend_from_slice(&chunk[..n]);
        }
        let head = String::from_utf8_lossy(&buf);
        head[9..12]
            .parse()
            .unwrap_or_else(|_| panic!("not HTTP: {head}"))
    }
}

#[tokio::test]
async fn a_10_mib_pdf_round_trips_with_ranges_etags_and_versions() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    let body = pdf(10 * 1024 * 1024, 7);
    let (s, d) = app
        .upload(
            Some(&owner),
            "/api/v1/documents",
            &[
                parent("practice", &pid),
                vec![("title", "Plan 2030".into())],
            ]
            .concat(),
            body.clone(),
            "Plà d'acció 2030.pdf",
        )
        .await;
    assert_eq!(s, 201, "{d}");
    assert_eq!(d["version"], 1);
    assert_eq!(d["size"], body.len());
    assert_eq!(d["sha256"], hex(&body));
    assert_eq!(d["content_type"], "application/pdf");
    assert_eq!(d["title"], "Plan 2030");
    assert_eq!(d["filename"], "Plà d'acció 2030.pdf");
    assert_eq!(d["attached_to"], json!({"type": "practice", "id": pid}));
    let did = id(&d).to_owned();

    // Anonymous readers of a published practice download it, byte for byte.
    let url = app.url(&format!("/api/v1/documents/{did}/content"));
    let res = app.client.get(&url).send_checked().await.unwrap();
    assert_eq!(res.status(), 200);
    let etag = res.headers()[ETAG].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", hex(&body)));
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let cd = res.headers()[CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cd.starts_with("attachment"), "{cd}");
    assert!(cd.contains("filename*=UTF-8''Pl%C3%A0"), "{cd}");
    let got = res.bytes().await.unwrap();
    assert_eq!(hex(&got), hex(&body));

    // Range: exactly the bytes asked for.
    let res = app
        .client
        .get(&url)
        .header(RANGE, "bytes=1000-1999")
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 206);
    assert_eq!(
        res.headers()[CONTENT_RANGE].to_str().unwrap(),
        format!("bytes 1000-1999/{}", body.len())
    );
    assert_eq!(&res.bytes().await.unwrap()[..], &body[1000..2000]);
    let res = app
        .client
        .get(&url)
        .header(RANGE, "bytes=-10")
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 206);
    assert_eq!(&res.bytes().await.unwrap()[..], &body[body.len() - 10..]);
    // If-None-Match: 304, no body.
    let res = app
        .client
        .get(&url)
        .header(IF_NONE_MATCH, &etag)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert!(res.bytes().await.unwrap().is_empty());
    let res = app
        .client
        .get(&url)
        .header(IF_NONE_MATCH, "\"other\"")
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // A second version; both stay downloadable and the metadata lists both.
    let v2 = pdf(200_000, 8);
    let (s, d2) = app
        .upload(
            Some(&owner),
            &format!("/api/v1/documents/{did}/versions"),
            &[],
            v2.clone(),
            "plan-v2.pdf",
        )
        .await;
    assert_eq!(s, 201, "{d2}");
    assert_eq!(d2["version"], 2);
    let (s, meta) = app.get(&format!("/api/v1/documents/{did}"), None).await;
    assert_eq!(s, 200);
    let versions = meta["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{meta}");
    assert_eq!(versions[0]["number"], 2);
    assert_eq!(versions[0]["sha256"], hex(&v2));
    assert_eq!(versions[1]["sha256"], hex(&body));
    assert_eq!(meta["sha256"], hex(&v2));
    for (n, want) in [(1, &body), (2, &v2)] {
        let res = app
            .client
            .get(app.url(&format!("/api/v1/documents/{did}/versions/{n}/content")))
            .send_checked()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(hex(&res.bytes().await.unwrap()), hex(want));
    }
    let res = app.client.get(&url).send_checked().await.unwrap();
    assert_eq!(hex(&res.bytes().await.unwrap()), hex(&v2));
    let (s, b) = app
        .get(&format!("/api/v1/documents/{did}/versions/3/content"), None)
        .await;
    assert_error(s, &b, 404, "not_found");
    let list = app
        .get_ok(
            &format!("/api/v1/documents?attached_to_type=practice&attached_to_id={pid}"),
            None,
        )
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");

    // The same content again is stored once.
    app.upload_document(&owner, "practice", &pid, body.clone(), "copy.pdf")
        .await;
    assert_eq!(storage_files(&app), (0, 2));

    // Deleted: no longer served.
    let stranger = app.register("stranger").await;
    let (s, b) = app
        .delete(&format!("/api/v1/documents/{did}"), Some(&stranger.access))
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, _) = app
        .delete(&format!("/api/v1/documents/{did}"), Some(&owner.access))
        .await;
    assert_eq!(s, 204);
    let res = app.client.get(&url).send_checked().await.unwrap();
    assert_eq!(res.status(), 404);
}

/// The resident memory of process `pid` from /proc/<pid>/status: `VmRSS` (now) or `VmHWM`
/// (the peak since start or since the last reset), in KiB.
fn proc_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .unwrap_or_else(|| panic!("no {field} for process {pid}"))
}

/// Resets the peak (`VmHWM`) of process `pid` to its current RSS (Linux clear_refs 5).
fn reset_peak_rss(pid: u32) {
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").expect("clear_refs");
}

#[tokio::test]
async fn an_oversized_upload_is_refused_without_being_held() {
    // The real server in a process of its own, so that what it holds is measured alone, not
    // together with the other tests of this process.
    let app = TestApp::spawn_process().await;
    let pid = app.server_pid().unwrap();
    let owner = app.register("owner").await;
    let practice_id = practice(&app, &owner, true).await;
    // Warm up: one small upload, so the first-use allocations of the upload path are made.
    app.upload_document(
        &owner,
        "practice",
        &practice_id,
        pdf(64 * 1024, 3),
        "warm.pdf",
    )
    .await;
    let warm_docs = app.count("documents").await;
    let warm_files = storage_files(&app);

    // 30 MiB, generated as it is sent: 413, and the server does not hold it: its peak RSS
    // during the upload stays well below the size of the upload.
    reset_peak_rss(pid);
    let before = proc_kib(pid, "VmRSS:");
    let chunks = 30 * 16; // 64 KiB each
    let stream = futures::stream::iter((0..chunks).map(|i| {
        let mut c = if i == 0 {
            b"%PDF-1.7\n".to_vec()
        } else {
            Vec::new()
        };
        c.resize(64 * 1024, (i % 251) as u8);
        Ok::<_, std::io::Error>(c)
    }));
    let form = Form::new()
        .text("attach_to_type", "practice")
        .text("attach_to_id", practice_id.clone())
        .part(
            "file",
            Part::stream(reqwest::Body::wrap_stream(stream)).file_name("big.pdf"),
        );
    let res = app
        .client
        .post(app.url("/api/v1/documents"))
        .bearer_auth(&owner.access)
        .multipart(form)
        .send_checked()
        .await;
    match res {
        Ok(r) => {
            assert_eq!(r.status(), 413);
            let b: Value = r.json().await.unwrap();
            assert_eq!(b["error"]["code"], "payload_too_large");
        }
        // The server answered and closed while the client was still sending.
        Err(e) => assert!(e.is_request() || e.is_body(), "{e}"),
    }
    let grown_mib = proc_kib(pid, "VmHWM:").saturating_sub(before) / 1024;
    assert!(
        grown_mib < 20,
        "the server's peak RSS grew by {grown_mib} MiB during a refused 30 MiB upload"
    );
    assert_eq!(app.count("documents").await, warm_docs);
    assert_eq!(warm_files, (0, 1));
    // The refused upload's temporary file goes (waited for, not slept on: the machine may be
    // busy), and nothing is stored.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while storage_files(&app) != warm_files {
        assert!(
            tokio::time::Instant::now() < deadline,
            "left behind: {:?}",
            storage_files(&app)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn disguised_uploads_are_refused() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;

    // Content decides: an ELF or an HTML page named .pdf, an SVG, a PNG named .pdf.
    for (bytes, name) in [
        (
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0".to_vec(),
            "report.pdf",
        ),
        (
            b"<!DOCTYPE html><html><script>alert(1)</script></html>".to_vec(),
            "report.pdf",
        ),
        (
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".to_vec(),
            "logo.svg",
        ),
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec(),
            "photo.pdf",
        ),
        (b"MZ\x90\0\x03\0\0\0\x04\0\0\0".to_vec(), "setup.exe"),
    ] {
        let (s, b) = app
            .upload(
                Some(&owner),
                "/api/v1/documents",
                &parent("practice", &pid),
                bytes,
                name,
            )
            .await;
        assert_error(s, &b, 415, "unsupported_media_type");
    }
    // Allowed kinds go through, named safely.
    let (s, d) = app
        .upload(
            Some(&owner),
            "/api/v1/documents",
            &parent("practice", &pid),
            b"a,b\n1,2\n".to_vec(),
            "../../etc/data.csv",
        )
        .await;
    assert_eq!(s, 201, "{d}");
    assert_eq!(d["content_type"], "text/csv");
    assert_eq!(d["filename"], "data.csv");
    // Not multipart; no file; a bad parent.
    let (s, b) = app
        .post("/api/v1/documents", Some(&owner.access), json!({}))
        .await;
    assert_error(s, &b, 415, "unsupported_media_type");
    let form = Form::new()
        .text("attach_to_type", "practice")
        .text("attach_to_id", pid.clone());
    let r = app
        .client
        .post(app.url("/api/v1/documents"))
        .bearer_auth(&owner.access)
        .multipart(form)
        .send_checked()
        .await
        .unwrap();
    let status = r.status();
    let b: Value = r.json().await.unwrap();
    assert!(assert_error(status, &b, 422, "validation_failed")["file"].is_string());
    let (s, b) = app
        .upload(
            Some(&owner),
            "/api/v1/documents",
            &parent("planet", &pid),
            pdf(100, 1),
            "x.pdf",
        )
        .await;
    assert!(assert_error(s, &b, 422, "validation_failed")["attach_to_type"].is_string());
    let (s, b) = app
        .upload(
            None,
            "/api/v1/documents",
            &parent("practice", &pid),
            pdf(100, 1),
            "x.pdf",
        )
        .await;
    assert_error(s, &b, 401, "unauthorized");
}

#[tokio::test]
async fn rights_come_from_the_parent() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let stranger = app.register("stranger").await;
    let draft = practice(&app, &owner, false).await;
    let (s, d) = app
        .upload(
            Some(&owner),
            "/api/v1/documents",
            &parent("practice", &draft),
            pdf(5000, 3),
            "draft.pdf",
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let did = id(&d).to_owned();
    // Those who cannot read the parent learn nothing: 404, not 403.
    for who in [None, Some(&stranger)] {
        let token = who.map(|u| u.access.as_str());
        for path in [
            format!("/api/v1/documents/{did}"),
            format!("/api/v1/documents/{did}/content"),
            format!("/api/v1/documents/{did}/versions/1/content"),
            format!("/api/v1/documents?attached_to_type=practice&attached_to_id={draft}"),
        ] {
            let (s, b) = app.get(&path, token).await;
            assert_error(s, &b, 404, "not_found");
        }
    }
    assert_eq!(
        app.get(&format!("/api/v1/documents/{did}"), Some(&owner.access))
            .await
            .0,
        200
    );
    // Someone else's practice (published, so readable) and event: 403 to attach.
    let published = practice(&app, &owner, true).await;
    let (s, b) = app
        .upload(
            Some(&stranger),
            "/api/v1/documents",
            &parent("practice", &published),
            pdf(5000, 4),
            "mine.pdf",
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = app
        .upload(
            Some(&stranger),
            "/api/v1/documents",
            &parent("practice", &draft),
            pdf(5000, 4),
            "mine.pdf",
        )
        .await;
    assert_error(s, &b, 404, "not_found");
    let start = (chrono::Utc::now() + chrono::Duration::days(2)).to_rfc3339();
    let end =
        (chrono::Utc::now() + chrono::Duration::days(2) + chrono::Duration::hours(2)).to_rfc3339();
    let host = app.moderator("host").await;
    let ev = app
        .post_ok(
            201,
            "/api/v1/events",
            Some(&host.access),
            json!({"title": "Data workshop", "description": "", "kind": "workshop", "starts_at": start,
                   "ends_at": end, "timezone": "Europe/Rome", "mode": "online",
                   "online_url": "https://meet.example.org/data"}),
        )
        .await;
    app.publish_event(&host, id(&ev)).await;
    let (s, b) = app
        .upload(
            Some(&stranger),
            "/api/v1/documents",
            &parent("event", id(&ev)),
            pdf(5000, 5),
            "mine.pdf",
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, d) = app
        .upload(
            Some(&host),
            "/api/v1/documents",
            &parent("event", id(&ev)),
            pdf(5000, 5),
            "agenda.pdf",
        )
        .await;
    assert_eq!(s, 201, "{d}");
    // A published event's documents are public.
    let res = app
        .client
        .get(app.url(&format!("/api/v1/documents/{}/content", id(&d))))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // A second version needs the same rights.
    let (s, b) = app
        .upload(
            Some(&stranger),
            &format!("/api/v1/documents/{}/versions", id(&d)),
            &[],
            pdf(100, 6),
            "v2.pdf",
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
}

#[tokio::test]
async fn an_upload_cut_off_halfway_leaves_no_row_and_no_file() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    // Half of a 4 MiB file, then the client goes away mid-file.
    let half = pdf(2 * 1024 * 1024, 9);
    let upload = RawUpload::start(&app, &owner, &pid, &half, 4 * 1024 * 1024).await;
    drop(upload);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while storage_files(&app) != (0, 0) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "left behind: {:?}",
            storage_files(&app)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(app.count("documents").await, 0);
    assert_eq!(app.count("document_versions").await, 0);
    // The server is fine afterwards.
    app.upload_document(&owner, "practice", &pid, pdf(1000, 2), "ok.pdf")
        .await;
}

#[tokio::test]
async fn a_chat_message_can_carry_a_document_of_its_room() {
    let app = TestApp::spawn().await;
    let host = app.register("host").await;
    app.set_role(&host, "moderator").await;
    let guest = app.register("guest").await;
    let room = crate::ws::open_room(&app, &host).await;
    let other_room = crate::ws::open_room(&app, &host).await;
    // Participants of a room may share documents in it.
    let d = app
        .upload_document(
            &guest,
            "room",
            &room,
            b"minutes, v1\n".to_vec(),
            "minutes.txt",
        )
        .await;
    let elsewhere = app
        .upload_document(&host, "room", &other_room, b"x\n".to_vec(), "x.txt")
        .await;
    let (mut a, _) = crate::ws::Ws::join(&app.addr, &guest, &room, None).await;
    let (mut b, _) = crate::ws::Ws::join(&app.addr, &host, &room, None).await;
    a.act(json!({"type": "chat.send", "text": "Here are the minutes", "document_id": id(&d)}))
        .await;
    let chat = b.next_of("chat").await;
    assert_eq!(chat["document"]["title"], "minutes.txt", "{chat}");
    assert_eq!(chat["document"]["id"], id(&d));
    let url = chat["document"]["url"].as_str().unwrap();
    let res = app
        .client
        .get(app.url(url))
        .bearer_auth(&host.access)
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.text().await.unwrap(), "minutes, v1\n");
    // A document of another room, or no document at all: not found.
    for doc in [id(&elsewhere).to_owned(), uuid::Uuid::nil().to_string()] {
        let code = a
            .refused(json!({"type": "chat.send", "text": "see", "document_id": doc}))
            .await;
        assert_eq!(code, "not_found");
    }
    // Outsiders cannot read the room's documents.
    let (s, b2) = app
        .get(&format!("/api/v1/documents/{}", id(&d)), None)
        .await;
    assert_error(s, &b2, 404, "not_found");
}

#[tokio::test]
async fn editing_a_chat_message_keeps_its_document() {
    let app = TestApp::spawn().await;
    let host = app.moderator("host").await;
    let guest = app.register("guest").await;
    let room = crate::ws::open_room(&app, &host).await;
    let d = app
        .upload_document(&guest, "room", &room, b"agenda\n".to_vec(), "agenda.txt")
        .await;
    let (mut ws, _) = crate::ws::Ws::join(&app.addr, &guest, &room, None).await;
    let seq = ws
        .act(json!({"type": "chat.send", "text": "The agneda", "document_id": id(&d)}))
        .await;
    ws.act(json!({"type": "chat.edit", "seq": seq, "text": "The agenda"}))
        .await;
    ws.close().await;
    // The history, over REST and on a resumed socket, has the new text and the document.
    let log = app
        .get_ok(&format!("/api/v1/rooms/{room}/events"), Some(&host.access))
        .await;
    let chat = &log["items"][0];
    assert_eq!(chat["seq"], seq, "{log}");
    assert_eq!(chat["text"], "The agenda", "{chat}");
    assert_eq!(chat["edited"], true, "{chat}");
    assert_eq!(chat["document"]["id"], id(&d), "{chat}");
    assert_eq!(chat["document"]["title"], "agenda.txt", "{chat}");
    let (mut again, _) = crate::ws::Ws::join(&app.addr, &host, &room, Some(0)).await;
    let replayed = again.next_of("chat").await;
    assert_eq!(replayed["text"], "The agenda", "{replayed}");
    assert_eq!(replayed["document"]["id"], id(&d), "{replayed}");
}

/// `user`'s answer to a new version of document `did`, and to deleting it.
async fn try_change(app: &TestApp, user: &TestUser, did: &str) -> (u16, u16) {
    let (s, b) = app
        .upload(
            Some(user),
            &format!("/api/v1/documents/{did}/versions"),
            &[],
            b"replaced\n".to_vec(),
            "replaced.txt",
        )
        .await;
    assert!(s == 201 || s == 403, "{s} {b}");
    let (d, b) = app
        .delete(&format!("/api/v1/documents/{did}"), Some(&user.access))
        .await;
    assert!(d == 204 || d == 403, "{d} {b}");
    (s.as_u16(), d.as_u16())
}

#[tokio::test]
async fn only_the_uploader_and_the_rooms_moderators_change_a_room_document() {
    let app = TestApp::spawn().await;
    let host = app.moderator("host").await;
    let ana = app.register("ana").await;
    let ben = app.register("ben").await;
    let mia = app.register("mia").await;
    let room = crate::ws::open_room(&app, &host).await;
    app.post_ok(
        201,
        &format!("/api/v1/rooms/{room}/moderators"),
        Some(&host.access),
        json!({"user_id": mia.id}),
    )
    .await;
    let share = |name: &'static str| {
        let (app, ana, room) = (&app, &ana, &room);
        async move {
            let d = app
                .upload_document(ana, "room", room, b"notes\n".to_vec(), name)
                .await;
            id(&d).to_owned()
        }
    };
    // Another participant of the open room: neither a new version nor a delete.
    let d1 = share("one.txt").await;
    let (s, b) = app
        .upload(
            Some(&ben),
            &format!("/api/v1/documents/{d1}/versions"),
            &[],
            b"mine now\n".to_vec(),
            "one.txt",
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let (s, b) = app
        .delete(&format!("/api/v1/documents/{d1}"), Some(&ben.access))
        .await;
    assert_error(s, &b, 403, "forbidden");
    let doc = app
        .get_ok(&format!("/api/v1/documents/{d1}"), Some(&ben.access))
        .await;
    assert_eq!(doc["version"], 1, "{doc}");
    // The uploader, a room moderator and a platform moderator may.
    assert_eq!(try_change(&app, &ana, &d1).await, (201, 204));
    let d2 = share("two.txt").await;
    assert_eq!(try_change(&app, &mia, &d2).await, (201, 204));
    let d3 = share("three.txt").await;
    assert_eq!(try_change(&app, &host, &d3).await, (201, 204));
}

#[tokio::test]
async fn only_editors_and_owners_change_organization_documents() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let ed = app.register("ed").await;
    let max = app.register("max").await;
    let org = app.city(&owner, "Gent", "BE").await;
    app.add_member(&owner, &org, &ed, "editor").await;
    app.add_member(&owner, &org, &max, "member").await;
    // A plain member may read but neither add nor change the organization's documents.
    let (s, b) = app
        .upload(
            Some(&max),
            "/api/v1/documents",
            &parent("organization", &org),
            b"statutes\n".to_vec(),
            "statutes.txt",
        )
        .await;
    assert_error(s, &b, 403, "forbidden");
    let d = app
        .upload_document(
            &owner,
            "organization",
            &org,
            b"statutes\n".to_vec(),
            "statutes.txt",
        )
        .await;
    let did = id(&d).to_owned();
    app.get_ok(&format!("/api/v1/documents/{did}"), Some(&max.access))
        .await;
    assert_eq!(try_change(&app, &max, &did).await, (403, 403));
    // An editor may, on anyone's document.
    assert_eq!(try_change(&app, &ed, &did).await, (201, 204));
}

#[tokio::test]
async fn a_version_whose_content_is_gone_is_410_content_missing() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    let body = pdf(3000, 11);
    let d = app
        .upload_document(&owner, "practice", &pid, body.clone(), "plan.pdf")
        .await;
    // The row survives, the file does not (a container recreated without its volume).
    std::fs::remove_file(blob_path(&app, &hex(&body))).unwrap();
    for path in [
        format!("/api/v1/documents/{}/content", id(&d)),
        format!("/api/v1/documents/{}/versions/1/content", id(&d)),
    ] {
        let (s, b) = app.get(&path, Some(&owner.access)).await;
        assert_error(s, &b, 410, "content_missing");
    }
    // The metadata is still there.
    app.get_ok(&format!("/api/v1/documents/{}", id(&d)), None)
        .await;
}

#[tokio::test]
async fn uploads_past_a_storage_quota_are_refused_with_the_numbers() {
    let app = TestApp::spawn_with(|s| {
        s.documents.user_quota_bytes = 10_000;
        s.documents.organization_quota_bytes = 15_000;
        // Deleted documents count until the sweep may remove their content: here at once.
        s.documents.sweep_grace = Duration::ZERO;
    })
    .await;
    let owner = app.register("owner").await;
    let ed = app.register("ed").await;
    let org = app.city(&owner, "Lyon", "FR").await;
    app.add_member(&owner, &org, &ed, "editor").await;
    let first = app
        .upload_document(&owner, "organization", &org, pdf(6000, 1), "a.pdf")
        .await;
    // The uploader's quota: 6000 used, 5000 more do not fit in 10,000.
    let (s, b) = app
        .upload(
            Some(&owner),
            "/api/v1/documents",
            &parent("organization", &org),
            pdf(5000, 2),
            "b.pdf",
        )
        .await;
    let details = assert_error(s, &b, 413, "quota_exceeded");
    assert_eq!(details["scope"], "user", "{b}");
    assert_eq!(details["quota_bytes"], 10_000, "{b}");
    assert_eq!(details["used_bytes"], 6000, "{b}");
    let message = b["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("6000") && message.contains("10000"),
        "{message}"
    );
    // New versions count too.
    let (s, b) = app
        .upload(
            Some(&owner),
            &format!("/api/v1/documents/{}/versions", id(&first)),
            &[],
            pdf(5000, 3),
            "a2.pdf",
        )
        .await;
    assert_error(s, &b, 413, "quota_exceeded");
    // The organization's quota: a practice of it counts, and 6000 + 6000 + 4000 > 15,000.
    let p = practice_of(&app, &owner, &org).await;
    app.upload_document(&ed, "practice", &p, pdf(6000, 4), "c.pdf")
        .await;
    let (s, b) = app
        .upload(
            Some(&ed),
            "/api/v1/documents",
            &parent("organization", &org),
            pdf(4000, 5),
            "d.pdf",
        )
        .await;
    let details = assert_error(s, &b, 413, "quota_exceeded");
    assert_eq!(details["scope"], "organization", "{b}");
    assert_eq!(details["used_bytes"], 12_000, "{b}");
    // Refused uploads leave nothing behind; deleting frees the space.
    assert_eq!(storage_files(&app).0, 0);
    assert_eq!(app.count("document_versions").await, 2);
    app.expect(
        204,
        reqwest::Method::DELETE,
        &format!("/api/v1/documents/{}", id(&first)),
        Some(&owner.access),
        None,
    )
    .await;
    app.upload_document(&ed, "organization", &org, pdf(4000, 5), "d.pdf")
        .await;
}

/// A draft practice of organization `org`, written by `author` (an editor of it); its id.
async fn practice_of(app: &TestApp, author: &TestUser, org: &str) -> String {
    let themes = app.get_ok("/api/v1/themes?limit=1", None).await;
    let p = app
        .create_practice(
            author,
            json!({"organization_id": org, "title": "Bike lanes", "summary": "Lanes.",
                   "body": "Body.", "theme_ids": [id(&themes["items"][0])], "language": "fr",
                   "implementation_status": "ongoing"}),
        )
        .await;
    id(&p).to_owned()
}

/// Runs `livinglab sweep` against the app's database and data folder with this grace
/// period; its standard output.
async fn sweep(app: &TestApp, grace_seconds: u64) -> String {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_livinglab"))
        .arg("sweep")
        .env_clear()
        .env("DATABASE_URL", &app.db_url)
        .env("LIVINGLAB_DATA_DIR", &app.data_dir)
        .env("LIVINGLAB_SWEEP_GRACE_SECONDS", grace_seconds.to_string())
        .env("LIVINGLAB_LOG", "warn")
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[tokio::test]
async fn the_sweep_removes_blobs_no_live_version_names_after_the_grace() {
    let app = TestApp::spawn_with(|s| s.documents.sweep_interval = Duration::ZERO).await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    // Odd seeds: `pdf` makes one content of a seed and seed + 1.
    let (live, gone, shared) = (pdf(2000, 1), pdf(2000, 3), pdf(2000, 5));
    let keep = app
        .upload_document(&owner, "practice", &pid, live.clone(), "live.pdf")
        .await;
    let deleted = app
        .upload_document(&owner, "practice", &pid, gone.clone(), "gone.pdf")
        .await;
    // Content that a deleted document and a live one share stays.
    let shared_doc = app
        .upload_document(&owner, "practice", &pid, shared.clone(), "shared.pdf")
        .await;
    let (s, b) = app
        .upload(
            Some(&owner),
            &format!("/api/v1/documents/{}/versions", id(&deleted)),
            &[],
            shared.clone(),
            "shared-too.pdf",
        )
        .await;
    assert_eq!(s, 201, "{b}");
    app.expect(
        204,
        reqwest::Method::DELETE,
        &format!("/api/v1/documents/{}", id(&deleted)),
        Some(&owner.access),
        None,
    )
    .await;
    // What a crash leaves: a blob stored before its row was written, and a temporary file
    // of an instance that is gone.
    let orphan = pdf(1000, 7);
    let orphan_path = blob_path(&app, &hex(&orphan));
    std::fs::create_dir_all(orphan_path.parent().unwrap()).unwrap();
    std::fs::write(&orphan_path, &orphan).unwrap();
    let leftover = app
        .data_dir
        .join("documents/tmp/0190aaaa-0000-7000-8000-000000000000/half-written");
    std::fs::create_dir_all(leftover.parent().unwrap()).unwrap();
    std::fs::write(&leftover, b"half").unwrap();
    assert_eq!(storage_files(&app), (1, 4));

    // Within the grace period nothing goes.
    let out = sweep(&app, 3600).await;
    assert!(out.contains("removed 0 blobs"), "{out}");
    assert_eq!(storage_files(&app), (1, 4));

    // After it: the deleted document's own content and the orphan, not the others; the
    // temporary file once also untouched for an hour (no grace cuts a live upload).
    make_old(&leftover);
    let out = sweep(&app, 0).await;
    assert!(
        out.contains("removed 2 blobs (3000 bytes) and 1 temporary files"),
        "{out}"
    );
    assert!(!blob_path(&app, &hex(&gone)).exists());
    assert!(!orphan_path.exists());
    assert!(!leftover.exists());
    for (doc, body) in [(&keep, &live), (&shared_doc, &shared)] {
        let res = app
            .client
            .get(app.url(&format!("/api/v1/documents/{}/content", id(doc))))
            .send_checked()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(hex(&res.bytes().await.unwrap()), hex(body));
    }
    assert_eq!(storage_files(&app), (0, 2));
}

#[tokio::test]
async fn each_instance_sweeps_on_its_own_interval() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    let live = pdf(2000, 1);
    app.upload_document(&owner, "practice", &pid, live.clone(), "live.pdf")
        .await;
    let orphan = pdf(1000, 4);
    let orphan_path = blob_path(&app, &hex(&orphan));
    std::fs::create_dir_all(orphan_path.parent().unwrap()).unwrap();
    std::fs::write(&orphan_path, &orphan).unwrap();
    // A second instance on the same database and folder, sweeping often with no grace.
    let data_dir = app.data_dir.clone();
    let _sweeper = TestApp::spawn_on(&app.db_url, app.db_name.clone(), |s| {
        s.data_dir = data_dir;
        s.documents.sweep_interval = Duration::from_millis(50);
        s.documents.sweep_grace = Duration::ZERO;
    })
    .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while orphan_path.exists() {
        assert!(tokio::time::Instant::now() < deadline, "the orphan stays");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(blob_path(&app, &hex(&live)).exists());
}

#[tokio::test]
async fn starting_an_instance_does_not_cut_another_ones_upload() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    let body = pdf(2 * 1024 * 1024, 12);
    let (first, rest) = body.split_at(1024 * 1024);
    let upload = RawUpload::start(&app, &owner, &pid, first, body.len()).await;
    // Another instance starts on the same volume while the upload is in progress.
    let data_dir = app.data_dir.clone();
    let _other =
        TestApp::spawn_on(&app.db_url, app.db_name.clone(), |s| s.data_dir = data_dir).await;
    assert_eq!(
        storage_files(&app).0,
        1,
        "the upload's temporary file is gone"
    );
    assert_eq!(upload.finish(rest).await, 201);
    let list = app
        .get_ok(
            &format!("/api/v1/documents?attached_to_type=practice&attached_to_id={pid}"),
            None,
        )
        .await;
    assert_eq!(list[0]["sha256"], hex(&body), "{list}");
    assert!(blob_path(&app, &hex(&body)).exists());
}

/// Sets the file's modification time two hours back: older than the floor under which
/// the sweep never takes a temporary file.
fn make_old(path: &std::path::Path) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(2 * 3600))
        .unwrap();
}

/// Uploads `files` to `kind` `parent_id` all at once, each by its user; their statuses,
/// with the scope of each `quota_exceeded`.
async fn upload_at_once(
    app: &TestApp,
    files: &[(&TestUser, Vec<u8>)],
    kind: &str,
    parent_id: &str,
) -> Vec<(u16, String)> {
    let fields = parent(kind, parent_id);
    let uploads = files.iter().map(|(user, body)| {
        let fields = &fields;
        async move {
            let (s, b) = app
                .upload(
                    Some(user),
                    "/api/v1/documents",
                    fields,
                    body.clone(),
                    "q.pdf",
                )
                .await;
            if s != 201 {
                assert_error(s, &b, 413, "quota_exceeded");
            }
            let scope = b["error"]["details"]["scope"].as_str().unwrap_or_default();
            (s.as_u16(), scope.to_owned())
        }
    });
    futures_util::future::join_all(uploads).await
}

/// How many of `results` were `status`, with quota scope `scope` for refusals.
fn tally(results: &[(u16, String)], status: u16, scope: &str) -> usize {
    results
        .iter()
        .filter(|(s, sc)| *s == status && (status == 201 || sc == scope))
        .count()
}

#[tokio::test]
async fn parallel_uploads_fit_the_quota_exactly() {
    let app = TestApp::spawn_with(|s| {
        s.documents.user_quota_bytes = 10_000;
        s.documents.organization_quota_bytes = 16_000;
    })
    .await;
    let owner = app.register("owner").await;
    let org = app.city(&owner, "Lyon", "FR").await;
    // Eight uploads of 3000 bytes at once by one user: three fit in 10,000.
    let files: Vec<_> = (0..8).map(|i| (&owner, pdf(3000, 2 * i + 1))).collect();
    let results = upload_at_once(&app, &files, "organization", &org).await;
    assert_eq!(tally(&results, 201, ""), 3, "{results:?}");
    assert_eq!(tally(&results, 413, "user"), 5, "{results:?}");
    // Eight more by four editors: the organization has 7000 of 16,000 left, two fit.
    let mut editors = Vec::new();
    for i in 0..4 {
        let ed = app.register(&format!("ed{i}")).await;
        app.add_member(&owner, &org, &ed, "editor").await;
        editors.push(ed);
    }
    let files: Vec<_> = (0..8)
        .map(|i| (&editors[i % 4], pdf(3000, 2 * i as u64 + 101)))
        .collect();
    let results = upload_at_once(&app, &files, "organization", &org).await;
    assert_eq!(tally(&results, 201, ""), 2, "{results:?}");
    assert_eq!(tally(&results, 413, "organization"), 6, "{results:?}");
    assert_eq!(app.count("document_versions").await, 5);
}

#[tokio::test]
async fn deleted_documents_count_until_the_sweep_may_remove_their_content() {
    let app = TestApp::spawn_with(|s| s.documents.user_quota_bytes = 10_000).await;
    let owner = app.register("owner").await;
    let org = app.city(&owner, "Lyon", "FR").await;
    let first = app
        .upload_document(&owner, "organization", &org, pdf(6000, 1), "a.pdf")
        .await;
    app.expect(
        204,
        reqwest::Method::DELETE,
        &format!("/api/v1/documents/{}", id(&first)),
        Some(&owner.access),
        None,
    )
    .await;
    // Its content stays on disk for the grace period (a day), and counts.
    let fields = parent("organization", &org);
    let again = || {
        app.upload(
            Some(&owner),
            "/api/v1/documents",
            &fields,
            pdf(6000, 3),
            "b.pdf",
        )
    };
    let (s, b) = again().await;
    let details = assert_error(s, &b, 413, "quota_exceeded");
    assert_eq!(details["used_bytes"], 6000, "{b}");
    // Once deleted longer than the grace, it no longer does.
    app.db()
        .await
        .execute(
            "UPDATE documents SET deleted_at = now() - interval '2 days' WHERE id = $1::text::uuid",
            &[&id(&first)],
        )
        .await
        .unwrap();
    let (s, b) = again().await;
    assert_eq!(s, 201, "{b}");
}

/// Waits until some session waits for an advisory lock.
async fn until_an_advisory_lock_is_awaited(db: &tokio_postgres::Client, what: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let waiting: i64 = db
            .query_one(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        if waiting > 0 {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Takes the lock the upload and the sweep take on a blob, in a transaction left open.
async fn hold_blob_lock(db: &tokio_postgres::Client, sha256: &str) {
    db.batch_execute("BEGIN").await.unwrap();
    db.execute(
        "SELECT pg_advisory_xact_lock(hashtextextended('documents.blob:' || $1, 0))",
        &[&sha256],
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn the_sweep_and_an_upload_of_the_same_content_take_turns() {
    let app = TestApp::spawn_with(|s| s.documents.sweep_interval = Duration::ZERO).await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    let watcher = app.db().await;
    // An upload of content whose only document was deleted waits for a sweep holding
    // the blob, then stores its own copy of what the sweep removed.
    let body = pdf(2000, 1);
    let sha = hex(&body);
    let gone = app
        .upload_document(&owner, "practice", &pid, body.clone(), "a.pdf")
        .await;
    app.expect(
        204,
        reqwest::Method::DELETE,
        &format!("/api/v1/documents/{}", id(&gone)),
        Some(&owner.access),
        None,
    )
    .await;
    let sweep_side = app.db().await;
    hold_blob_lock(&sweep_side, &sha).await;
    let fields = parent("practice", &pid);
    let ((s, b), ()) = tokio::join!(
        app.upload(
            Some(&owner),
            "/api/v1/documents",
            &fields,
            body.clone(),
            "again.pdf",
        ),
        async {
            until_an_advisory_lock_is_awaited(&watcher, "the upload should wait for the blob")
                .await;
            std::fs::remove_file(blob_path(&app, &sha)).unwrap();
            sweep_side.batch_execute("COMMIT").await.unwrap();
        }
    );
    assert_eq!(s, 201, "{b}");
    let res = app
        .client
        .get(app.url(&format!("/api/v1/documents/{}/content", id(&b))))
        .send_checked()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(hex(&res.bytes().await.unwrap()), sha);

    // A sweep waits for an upload holding the blob, then finds the row that names it
    // (here: the deleted document restored in the transaction holding the lock).
    let other = pdf(2000, 3);
    let doc = app
        .upload_document(&owner, "practice", &pid, other.clone(), "b.pdf")
        .await;
    app.expect(
        204,
        reqwest::Method::DELETE,
        &format!("/api/v1/documents/{}", id(&doc)),
        Some(&owner.access),
        None,
    )
    .await;
    let upload_side = app.db().await;
    hold_blob_lock(&upload_side, &hex(&other)).await;
    let (out, ()) = tokio::join!(sweep(&app, 0), async {
        until_an_advisory_lock_is_awaited(&watcher, "the sweep should wait for the blob").await;
        upload_side
            .execute(
                "UPDATE documents SET deleted_at = NULL WHERE id = $1::text::uuid",
                &[&id(&doc)],
            )
            .await
            .unwrap();
        upload_side.batch_execute("COMMIT").await.unwrap();
    });
    assert!(out.contains("removed 0 blobs"), "{out}");
    assert!(blob_path(&app, &hex(&other)).exists());
}

#[tokio::test]
async fn a_sweep_with_no_grace_leaves_uploads_in_progress_alone() {
    let app = TestApp::spawn_with(|s| s.documents.sweep_interval = Duration::ZERO).await;
    let owner = app.register("owner").await;
    let pid = practice(&app, &owner, true).await;
    let body = pdf(2 * 1024 * 1024, 5);
    let (first, rest) = body.split_at(1024 * 1024);
    let upload = RawUpload::start(&app, &owner, &pid, first, body.len()).await;
    let out = sweep(&app, 0).await;
    assert!(out.contains("and 0 temporary files"), "{out}");
    assert_eq!(storage_files(&app).0, 1, "the upload's file is gone");
    assert_eq!(upload.finish(rest).await, 201);
    assert!(blob_path(&app, &hex(&body)).exists());
}

#[tokio::test]
async fn rights_are_decided_again_once_a_new_version_has_arrived() {
    let app = TestApp::spawn().await;
    let owner = app.register("owner").await;
    let ed = app.register("ed").await;
    let org = app.city(&owner, "Lyon", "FR").await;
    app.add_member(&owner, &org, &ed, "editor").await;
    let doc = app
        .upload_document(&ed, "organization", &org, pdf(2000, 1), "a.pdf")
        .await;
    let body = pdf(2 * 1024 * 1024, 3);
    let (first, rest) = body.split_at(1024 * 1024);
    let path = format!("/api/v1/documents/{}/versions", id(&doc));
    // Allowed when the file starts; the editor is removed while it streams.
    let upload = RawUpload::start_at(&app, &ed, &path, &[], first, body.len()).await;
    app.expect(
        204,
        reqwest::Method::DELETE,
        &format!("/api/v1/organizations/{org}/members/{}", ed.id),
        Some(&owner.access),
        None,
    )
    .await;
    assert_eq!(upload.finish(rest).await, 403);
    assert_eq!(app.count("document_versions").await, 1);
}
