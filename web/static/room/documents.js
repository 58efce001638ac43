// Files shared in the chat: uploaded to the room through the documents API with the
// session's bearer token, then sent as a chat message with `document_id`; a message with
// a document shows a card with its name, size and a download link (the page route, which
// reads the browser's session: the API's `url` would need the bearer token).

import { h, t, fileSize } from "./render.js";

let room;
const sizes = new Map();

export function init(r) {
  room = r;
}

export async function upload(file) {
  const token = await room.conn.accessToken();
  if (!token) return { ok: false, message: t("room-status-session") };
  const body = new FormData();
  body.append("attach_to_type", "room");
  body.append("attach_to_id", room.boot.room_id);
  body.append("title", file.name);
  body.append("file", file);
  const res = await fetch("/api/v1/documents", { method: "POST", headers: { Authorization: `Bearer ${token}` }, body });
  if (res.status === 413) return { ok: false, message: t("room-file-too-large") };
  if (!res.ok) return { ok: false, message: t("room-file-failed") };
  const doc = await res.json();
  sizes.set(doc.id, doc.size);
  return { ok: true, id: doc.id };
}

async function sizeOf(id) {
  if (sizes.has(id)) return sizes.get(id);
  const token = await room.conn.accessToken();
  const res = await fetch(`/api/v1/documents/${id}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) return null;
  const doc = await res.json();
  sizes.set(id, doc.size);
  return doc.size;
}

export function fileCard(doc) {
  const size = h("span", { class: "meta" });
  const card = h("div", { class: "live-file" },
    h("p", {}, h("strong", {}, doc.title), " ", h("span", { class: "meta" }, doc.filename), " ", size),
    h("p", {}, h("a", { href: `/documents/${doc.id}/download`, download: doc.filename }, t("room-file-download", { name: doc.title }))));
  sizeOf(doc.id).then((n) => { if (n !== null && n !== undefined) size.textContent = `· ${fileSize(n)}`; }).catch(() => {});
  return card;
}
