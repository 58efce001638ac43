// The socket: a token from the page's session, `hello` with `after_seq`, reconnection
// with backoff (the countdown is shown), and an outbox of unanswered frames kept with
// their `ref` (also in sessionStorage, so a reload keeps them): after a reconnect they are
// sent again, and the server stores each ref once.

const MAX_DELAY_MS = 30000;

export class Connection {
  // opts: roomId, wsPath, afterSeq() → number|null, onFrame(frame), onStatus(kind, detail),
  // onStop(reason), readOnly
  constructor(opts) {
    this.o = opts;
    this.ws = null;
    this.welcomed = false;
    this.stopped = false;
    this.attempt = 0;
    this.authFails = 0;
    this.token = null;
    this.tokenUntil = 0;
    this.timer = null;
    this.countdown = null;
    this.waiting = new Map();
    this.storeKey = `live-outbox-${opts.roomId}`;
    this.outbox = new Map();
    try {
      for (const f of JSON.parse(sessionStorage.getItem(this.storeKey) || "[]")) this.outbox.set(f.ref, f);
    } catch (e) { /* a damaged store is dropped */ }
    // The server's pings are answered by the browser itself; what the page can see of a
    // dead network is the browser going offline: then it stops waiting for the socket.
    window.addEventListener("offline", () => {
      if (this.ws && !this.stopped) this.ws.close(4999, "offline");
    });
    window.addEventListener("online", () => {
      if (!this.ws && this.timer && !this.stopped) { this.clearTimers(); this.connect(); }
    });
  }

  persist() {
    try { sessionStorage.setItem(this.storeKey, JSON.stringify([...this.outbox.values()])); } catch (e) { /* full */ }
  }

  async accessToken() {
    if (this.token && Date.now() < this.tokenUntil) return this.token;
    const res = await fetch("/session/token", { credentials: "same-origin" });
    if (res.status === 401) return null;
    if (!res.ok) throw new Error(`token ${res.status}`);
    const body = await res.json();
    this.token = body.access_token;
    this.tokenUntil = Date.now() + Math.max(30, body.expires_in - 60) * 1000;
    return this.token;
  }

  clearTimers() {
    clearTimeout(this.timer);
    clearInterval(this.countdown);
    this.timer = null;
    this.countdown = null;
  }

  async connect() {
    if (this.stopped) return;
    this.o.onStatus(this.attempt ? "reconnecting-now" : "connecting");
    let token;
    try { token = await this.accessToken(); } catch (e) { return this.later(); }
    if (token === null) return this.stop("session");
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}${this.o.wsPath}`);
    this.ws = ws;
    this.welcomed = false;
    ws.addEventListener("open", () => {
      ws.send(JSON.stringify({ type: "hello", token, after_seq: this.o.afterSeq() }));
    });
    ws.addEventListener("message", (ev) => {
      if (this.ws !== ws) return;
      let f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      this.frame(f);
    });
    ws.addEventListener("close", (ev) => this.closed(ws, ev));
  }

  frame(f) {
    if (f.type === "welcome") {
      const resumed = this.attempt > 0;
      this.welcomed = true;
      this.attempt = 0;
      this.authFails = 0;
      this.o.onFrame(f);
      this.o.onStatus(resumed ? "resumed" : "connected");
      for (const item of this.outbox.values()) this.ws.send(JSON.stringify(item));
      return;
    }
    if (f.type === "ack" && f.ref !== undefined) {
      this.outbox.delete(f.ref);
      this.persist();
      const w = this.waiting.get(f.ref);
      this.waiting.delete(f.ref);
      if (w) w({ ok: true, seq: f.seq });
      return;
    }
    if (f.type === "error") {
      if (f.ref === undefined || f.ref === null) {
        // Refused before it had a ref (rate limited): whatever is unanswered goes again.
        if (f.code === "rate_limited") setTimeout(() => this.resend(), 1500);
        this.o.onFrame(f);
        return;
      }
      if (f.code === "unavailable") {
        setTimeout(() => this.resend(f.ref), 1500);
        return;
      }
      this.outbox.delete(f.ref);
      this.persist();
      const w = this.waiting.get(f.ref);
      this.waiting.delete(f.ref);
      if (w) w({ ok: false, code: f.code, message: f.message });
      return;
    }
    this.o.onFrame(f);
  }

  resend(ref) {
    if (!this.ws || !this.welcomed || this.ws.readyState !== WebSocket.OPEN) return;
    for (const item of this.outbox.values()) {
      if (ref === undefined || item.ref === ref) this.ws.send(JSON.stringify(item));
    }
  }

  closed(ws, ev) {
    if (this.ws !== ws) return;
    this.ws = null;
    this.welcomed = false;
    if (this.stopped) return;
    switch (ev.code) {
      case 4004: return this.stop("kicked");
      case 4003: return this.stop("forbidden");
      case 4002: case 1002: case 1009: return this.stop("broken");
      case 4001:
        this.token = null;
        this.authFails += 1;
        if (this.authFails > 2) return this.stop("session");
        break;
      default: break;
    }
    this.later();
  }

  later() {
    if (this.stopped || this.timer) return;
    const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** this.attempt);
    const delay = Math.round(base * (0.5 + Math.random() / 2));
    this.attempt += 1;
    const until = Date.now() + delay;
    const show = () => this.o.onStatus("reconnecting", Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    show();
    this.countdown = setInterval(show, 1000);
    this.timer = setTimeout(() => { this.clearTimers(); this.connect(); }, delay);
  }

  stop(reason) {
    this.stopped = true;
    this.clearTimers();
    if (this.ws) { const ws = this.ws; this.ws = null; ws.close(1000); }
    for (const w of this.waiting.values()) w({ ok: false, code: "offline" });
    this.waiting.clear();
    this.o.onStop(reason);
  }

  get open() {
    return !!(this.ws && this.welcomed && this.ws.readyState === WebSocket.OPEN);
  }

  // Sends an action; resolves with {ok, seq} or {ok: false, code, message}. When the
  // socket is down it waits in the outbox, and `queued` is true.
  send(frame) {
    const ref = crypto.randomUUID();
    const item = { ...frame, ref };
    this.outbox.set(ref, item);
    this.persist();
    const queued = !this.open;
    if (!queued) this.ws.send(JSON.stringify(item));
    const done = new Promise((resolve) => this.waiting.set(ref, resolve));
    return { queued, done };
  }
}
