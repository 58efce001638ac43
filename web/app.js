// livinglab web client: plain DOM, no build step. Tokens live in sessionStorage only, and
// every server string is inserted as text (never as HTML).
"use strict";

const API = "/api/v1";
const $ = (id) => document.getElementById(id);
let session = JSON.parse(sessionStorage.getItem("livinglab.session") || "null");
let orgCursor = null;

function say(message, ok = false) {
  $("status").textContent = message;
  $("status").className = ok ? "ok" : "";
}

function saveSession(s) {
  session = s;
  if (s) sessionStorage.setItem("livinglab.session", JSON.stringify(s));
  else sessionStorage.removeItem("livinglab.session");
}

let refreshing = null;

// Single flight: parallel requests that all hit an expired token share one refresh.
// Refresh tokens are single use; sending one twice would look like theft and end the session.
function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      const res = await fetch(`${API}/auth/refresh`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refresh_token: session.refresh_token }),
      });
      if (!res.ok) { saveSession(null); return false; }
      const body = await res.json();
      saveSession({ access_token: body.access_token, refresh_token: body.refresh_token });
      return true;
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

// Calls the API; on an expired access token, refreshes once and retries.
async function api(method, path, body, retry = true) {
  const headers = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (session) headers.authorization = `Bearer ${session.access_token}`;
  const res = await fetch(`${API}${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && session && retry && await refresh()) {
    return api(method, path, body, false);
  }
  const data = res.status === 204 ? null : await res.json();
  if (!res.ok) {
    const err = data && data.error ? data.error : { code: "error", message: res.statusText };
    const fields = Object.entries(err.details || {}).map(([k, v]) => `${k}: ${v}`).join("; ");
    throw new Error(fields ? `${err.message} (${fields})` : err.message);
  }
  return data;
}

function li(text, badge) {
  const item = document.createElement("li");
  item.textContent = text;
  if (badge) {
    const b = document.createElement("span");
    b.className = "badge";
    b.textContent = badge;
    item.append(b);
  }
  return item;
}

function formJson(form) {
  const out = {};
  for (const [k, v] of new FormData(form)) if (v !== "") out[k] = v;
  return out;
}

async function showMe() {
  if (!session) {
    $("auth").hidden = false; $("me").hidden = true; $("nav").hidden = true;
    return;
  }
  try {
    const me = await api("GET", "/me");
    $("auth").hidden = true; $("me").hidden = false; $("nav").hidden = false;
    $("who").textContent = `${me.display_name} (${me.role})`;
    const list = $("memberships");
    list.replaceChildren(...me.memberships.map((m) => li(m.organization_name, m.role)));
    if (!me.memberships.length) list.replaceChildren(li("None yet: add your city below."));
  } catch (e) {
    saveSession(null);
    showMe();
  }
}

async function loadOrgs(reset) {
  if (reset) { orgCursor = null; $("orgs").replaceChildren(); }
  const q = new FormData($("org-search")).get("q") || "";
  const params = new URLSearchParams({ limit: "20" });
  if (q) params.set("q", q);
  if (orgCursor) params.set("cursor", orgCursor);
  try {
    const page = await api("GET", `/organizations?${params}`);
    for (const o of page.items) {
      const where = [o.kind.replace("_", " "), o.country].join(", ");
      $("orgs").append(li(`${o.name} (${where})`, o.verified ? "verified" : ""));
    }
    orgCursor = page.next_cursor;
    $("more-orgs").hidden = !orgCursor;
  } catch (e) { say(e.message); }
}

async function loadThemes() {
  try {
    const page = await api("GET", "/themes?limit=100");
    $("themes").replaceChildren(...page.items.map((t) => {
      const item = li(t.name);
      item.title = t.description;
      return item;
    }));
  } catch (e) { say(e.message); }
}

function onSubmit(id, handler) {
  $(id).addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try { await handler(ev.target); } catch (e) { say(e.message); }
  });
}

onSubmit("login-form", async (form) => {
  const body = await api("POST", "/auth/login", formJson(form));
  saveSession({ access_token: body.access_token, refresh_token: body.refresh_token });
  form.reset(); say("Signed in.", true); showMe();
});

onSubmit("register-form", async (form) => {
  const body = await api("POST", "/auth/register", formJson(form));
  saveSession({ access_token: body.access_token, refresh_token: body.refresh_token });
  form.reset(); say("Welcome!", true); showMe();
});

onSubmit("org-form", async (form) => {
  const body = formJson(form);
  if (body.population) body.population = Number(body.population);
  const org = await api("POST", "/organizations", body);
  form.reset(); say(`${org.name} created.`, true); showMe(); loadOrgs(true);
});

onSubmit("org-search", async () => loadOrgs(true));
$("more-orgs").addEventListener("click", () => loadOrgs(false));
$("logout").addEventListener("click", async () => {
  if (session) await api("POST", "/auth/logout", { refresh_token: session.refresh_token }).catch(() => {});
  saveSession(null); say("Signed out.", true); showMe();
});

showMe();
loadOrgs(true);
loadThemes();
