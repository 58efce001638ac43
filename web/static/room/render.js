// Shared DOM and text helpers. User text only ever goes in through textContent.

let strings = {};
let locale = "en";
let plurals = new Intl.PluralRules("en");
// The account's timezone (the server's choice for pages too), so that times in the room
// agree with the event's page; undefined means the browser's own.
let timeZone;

export async function loadStrings(url, lang, zone) {
  locale = lang || "en";
  timeZone = zone || undefined;
  plurals = new Intl.PluralRules(locale);
  const res = await fetch(url, { credentials: "same-origin" });
  if (res.ok) strings = await res.json();
}

function fill(text, args) {
  return text.replace(/\{\$([A-Za-z0-9_-]+)\}/g, (m, name) => (args && name in args ? String(args[name]) : m));
}

// A message of the room's catalogue; `{$name}` variables come from `args`.
export function t(key, args) {
  const text = strings[key];
  return text === undefined ? key : fill(text, args);
}

// A message with a count: `key-one`, `key-other`… chosen by the locale's plural rules.
export function tp(key, n, args) {
  const form = `${key}-${plurals.select(n)}`;
  const chosen = strings[form] !== undefined ? form : `${key}-other`;
  return t(chosen, { count: number(n), ...args });
}

export function number(n) {
  return new Intl.NumberFormat(locale).format(n);
}

export function percent(part, whole) {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 })
    .format(whole ? part / whole : 0);
}

export function clock(at) {
  const d = new Date(at);
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(d);
}

export function when(at) {
  const d = new Date(at);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);
}

export function fileSize(bytes) {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
  return new Intl.NumberFormat(locale, {
    style: "unit", unit: units[i], unitDisplay: "short", maximumFractionDigits: i ? 1 : 0,
  }).format(v);
}

// An element with attributes and children (strings become text nodes).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function $(id) {
  return document.getElementById(id);
}

// Words for a refusal of the server (its own message is for developers).
export function refusal(err, room) {
  switch (err.code) {
    case "muted":
      return room && room.mutedUntil
        ? t("room-refused-muted-until", { time: clock(room.mutedUntil) })
        : t("room-refused-muted");
    case "room_locked":
      return room && room.closed ? t("room-refused-closed") : t("room-refused-locked");
    case "slow_mode": {
      const m = /(\d+)/.exec(err.message || "");
      return m ? tp("room-refused-slow", Number(m[1]), { seconds: number(Number(m[1])) }) : t("room-refused-slow-mode");
    }
    case "rate_limited": return t("room-refused-rate-limited");
    case "too_long": return t("room-refused-too-long");
    case "forbidden": return t("room-refused-forbidden");
    case "not_found": return t("room-refused-not-found");
    case "conflict": return t("room-refused-conflict");
    case "limit_reached": return t("room-refused-no-dots");
    case "invalid_message": return t("room-refused-invalid");
    case "unavailable": return t("room-refused-unavailable");
    case "offline": return t("room-refused-offline");
    default: return t("room-refused-other");
  }
}
