//! A real websocket client for the room tests (tokio-tungstenite, as a browser would speak).

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use uuid::Uuid;

use crate::helpers::{TestApp, TestUser};

pub const WAIT: Duration = Duration::from_secs(15);

pub struct Ws {
    inner: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

pub fn ws_url(base: &str, room: &str) -> String {
    format!("{}/api/v1/rooms/{room}/ws", base.replacen("http", "ws", 1))
}

/// How a connection attempt or a socket ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    Closed(u16),
    /// The upgrade was refused with this HTTP status.
    Refused(u16),
}

impl Ws {
    pub async fn open(base: &str, room: &str, origin: Option<&str>) -> Result<Ws, Ended> {
        let mut req = ws_url(base, room).into_client_request().unwrap();
        if let Some(o) = origin {
            req.headers_mut().insert("origin", o.parse().unwrap());
        }
        match tokio_tungstenite::connect_async(req).await {
            Ok((inner, _)) => Ok(Ws { inner }),
            Err(tokio_tungstenite::tungstenite::Error::Http(res)) => {
                Err(Ended::Refused(res.status().as_u16()))
            }
            Err(e) => panic!("websocket connect failed: {e}"),
        }
    }

    /// Connects, says hello and returns the socket and the `welcome`.
    pub async fn join(
        base: &str,
        user: &TestUser,
        room: &str,
        after_seq: Option<i64>,
    ) -> (Ws, Value) {
        let mut ws = Ws::open(base, room, None).await.expect("upgrade");
        ws.send(json!({"type": "hello", "token": user.access, "after_seq": after_seq}))
            .await;
        let welcome = ws.next_of("welcome").await;
        (ws, welcome)
    }

    pub async fn send(&mut self, v: Value) {
        self.send_raw(Message::text(v.to_string())).await;
    }

    pub async fn send_raw(&mut self, m: Message) {
        self.inner.send(m).await.expect("send");
    }

    /// The next data frame (pings are answered by tungstenite). Panics on close or timeout.
    pub async fn recv(&mut self) -> Value {
        match self.recv_or_end().await {
            Ok(v) => v,
            Err(e) => panic!("socket ended while a frame was expected: {e:?}"),
        }
    }

    pub async fn recv_or_end(&mut self) -> Result<Value, Ended> {
        loop {
            let msg = tokio::time::timeout(WAIT, self.inner.next())
                .await
                .expect("no frame within the wait");
            match msg {
                Some(Ok(Message::Text(t))) => {
                    return Ok(serde_json::from_str(&t).expect("server frames are JSON"));
                }
                Some(Ok(Message::Close(c))) => {
                    return Err(Ended::Closed(c.map_or(1005, |c| u16::from(c.code))));
                }
                Some(Ok(Message::Binary(_))) => panic!("the server sent a binary frame"),
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return Err(Ended::Closed(1006)),
            }
        }
    }

    /// Skips frames until one of type `ty` (presence and other chatter in between).
    pub async fn next_of(&mut self, ty: &str) -> Value {
        loop {
            let v = self.recv().await;
            if v["type"] == ty {
                return v;
            }
            assert_ne!(
                v["type"], "error",
                "unexpected error while waiting for {ty}: {v}"
            );
        }
    }

    /// Skips frames until the `ack` or `error` answering `r`.
    pub async fn answer_to(&mut self, r: &str) -> Value {
        loop {
            let v = self.recv().await;
            if v["ref"] == r && (v["type"] == "ack" || v["type"] == "error") {
                return v;
            }
        }
    }

    /// Sends `frame` with a fresh ref and returns the ack's seq; panics on an error.
    pub async fn act(&mut self, mut frame: Value) -> i64 {
        let r = Uuid::new_v4().to_string();
        frame["ref"] = json!(r);
        self.send(frame).await;
        let a = self.answer_to(&r).await;
        assert_eq!(a["type"], "ack", "{a}");
        a["seq"].as_i64().unwrap()
    }

    /// Sends `frame` and returns the error code it earned; panics on an ack.
    pub async fn refused(&mut self, mut frame: Value) -> String {
        let r = Uuid::new_v4().to_string();
        frame["ref"] = json!(r);
        self.send(frame).await;
        let a = self.answer_to(&r).await;
        assert_eq!(a["type"], "error", "expected an error, got {a}");
        a["code"].as_str().unwrap().to_owned()
    }

    /// Reads until the server closes; returns the close code.
    pub async fn closed(&mut self) -> u16 {
        loop {
            match self.recv_or_end().await {
                Ok(_) => continue,
                Err(Ended::Closed(c)) => return c,
                Err(e) => panic!("{e:?}"),
            }
        }
    }

    pub async fn close(mut self) {
        let _ = self
            .inner
            .close(Some(tokio_tungstenite::tungstenite::protocol::CloseFrame {
                code: CloseCode::Normal,
                reason: "".into(),
            }))
            .await;
    }
}

/// Creates an open room as `owner` (who must be a platform moderator or admin).
pub async fn open_room(app: &TestApp, owner: &TestUser) -> String {
    let room = app
        .create_room(owner, json!({"name": "Workshop", "access": "open"}))
        .await;
    room["id"].as_str().unwrap().to_owned()
}
