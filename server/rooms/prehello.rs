//! Sockets that never say `hello` cost a task, buffers and a file descriptor each for the
//! 10 s the session waits. The upgrade handler takes a per-IP slot (`IpSlots`) and hands
//! the socket's byte stream through `UntilHello`, which gives the slot back when the
//! client's first text frame (its `hello`, good or bad) reaches the session, or when the
//! socket ends. The session itself knows nothing of it.

use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::error::PayloadError;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::Stream;

use crate::error::AppError;
use crate::rate_limit::IpSlot;

/// `body`, holding `slot` until the client's first text frame is read.
pub async fn hold_until_hello(
    req: &HttpRequest,
    body: web::Payload,
    slot: IpSlot,
) -> Result<web::Payload, AppError> {
    let watched: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> = Box::pin(UntilHello {
        inner: body,
        slot: Some(slot),
        scan: FrameScan::default(),
    });
    let mut payload = actix_web::dev::Payload::from(watched);
    web::Payload::from_request(req, &mut payload)
        .await
        .map_err(|e| AppError::internal(anyhow::anyhow!("{e}")))
}

struct UntilHello {
    inner: web::Payload,
    slot: Option<IpSlot>,
    scan: FrameScan,
}

impl Stream for UntilHello {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let item = std::task::ready!(Pin::new(&mut this.inner).poll_next(cx));
        if this.slot.is_some() {
            let done = match &item {
                Some(Ok(bytes)) => this.scan.text_frame_started(bytes),
                _ => true,
            };
            if done {
                this.slot = None;
            }
        }
        Poll::Ready(item)
    }
}

/// Reads RFC 6455 frame headers from client bytes split anywhere, skipping payloads, until
/// a text frame starts. Pings and pongs before `hello` keep the slot.
#[derive(Default)]
struct FrameScan {
    header: Vec<u8>,
    skip: u64,
}

impl FrameScan {
    fn text_frame_started(&mut self, mut bytes: &[u8]) -> bool {
        loop {
            let n = usize::try_from(self.skip)
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            self.skip -= n as u64;
            bytes = &bytes[n..];
            let Some((&b, rest)) = bytes.split_first() else {
                return false;
            };
            bytes = rest;
            self.header.push(b);
            let h = &self.header;
            if h[0] & 0x0f == 0x1 {
                return true;
            }
            if h.len() < 2 {
                continue;
            }
            let ext = match h[1] & 0x7f {
                126 => 2,
                127 => 8,
                _ => 0,
            };
            let mask = if h[1] & 0x80 != 0 { 4 } else { 0 };
            if h.len() < 2 + ext + mask {
                continue;
            }
            self.skip = match ext {
                2 => u64::from(u16::from_be_bytes([h[2], h[3]])),
                8 => u64::from_be_bytes(h[2..10].try_into().expect("8 bytes")),
                _ => u64::from(h[1] & 0x7f),
            };
            self.header.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A masked frame with `opcode` and `len` payload bytes.
    fn frame(opcode: u8, len: usize) -> Vec<u8> {
        let mut f = vec![0x80 | opcode];
        match len {
            0..=125 => f.push(0x80 | len as u8),
            126..=65535 => {
                f.push(0x80 | 126);
                f.extend_from_slice(&(len as u16).to_be_bytes());
            }
            _ => {
                f.push(0x80 | 127);
                f.extend_from_slice(&(len as u64).to_be_bytes());
            }
        }
        f.extend_from_slice(&[1, 2, 3, 4]);
        f.extend(std::iter::repeat_n(0x41, len));
        f
    }

    #[test]
    fn finds_the_first_text_frame_after_control_frames_in_any_split() {
        let mut bytes = frame(0x9, 5);
        bytes.extend(frame(0xA, 300));
        bytes.extend(frame(0x9, 0));
        let before = bytes.len();
        bytes.extend(frame(0x1, 70_000));
        for chunk in [1, 2, 3, 7, 64, 1000] {
            let mut scan = FrameScan::default();
            let at = bytes
                .chunks(chunk)
                .position(|c| scan.text_frame_started(c))
                .expect("the text frame is seen");
            assert_eq!(at, before / chunk, "chunks of {chunk}");
        }
        let mut scan = FrameScan::default();
        assert!(!scan.text_frame_started(&bytes[..before]));
    }
}
