// The room as this client knows it: `state` from `welcome`, then the live events past its
// `last_seq`; the chat log from the history and every event past the newest one seen.
// Nothing is applied twice: an event counts for the log once (by `chatSeq`) and for the
// state once (by `stateSeq`).

const LOGGED = new Set(["poll.created", "poll.closed", "room.locked", "room.closed", "room.slow_mode",
  "user.muted", "user.kicked", "user.unkicked"]);

export class RoomState {
  constructor(me) {
    this.me = me;
    this.isMod = false;
    this.chatSeq = 0;
    this.stateSeq = -1;
    this.messages = new Map();
    this.hands = [];
    this.polls = new Map();
    this.questions = new Map();
    this.ideas = new Map();
    this.locked = false;
    this.closed = false;
    this.slow = 0;
    this.dotBudget = 0;
    this.dotsLeft = 0;
    this.mutedUntil = null;
    this.present = new Map();
    this.presentCount = 0;
    this.muted = new Map();
    this.kicked = new Map();
    this.names = new Map();
    this.listeners = new Map();
    this.stopped = null;
  }

  on(topic, fn) {
    if (!this.listeners.has(topic)) this.listeners.set(topic, []);
    this.listeners.get(topic).push(fn);
  }

  emit(topic, detail) {
    for (const fn of this.listeners.get(topic) || []) fn(detail);
  }

  nameOf(id) {
    return this.names.get(id) || "";
  }

  isMuted() {
    return !!this.mutedUntil && new Date(this.mutedUntil) > new Date();
  }

  welcome(w) {
    const s = w.state;
    this.isMod = !!w.you.is_moderator;
    this.present = new Map(w.present.map((p) => [p.user_id, p.display_name]));
    for (const [id, name] of this.present) this.names.set(id, name);
    this.presentCount = this.present.size;
    this.hands = s.hands || [];
    this.polls = new Map((s.polls || []).map((p) => [p.poll_id, { ...p }]));
    this.questions = new Map((s.questions || []).map((q) => [q.question_id, { ...q }]));
    this.ideas = new Map((s.ideas || []).map((i) => [i.idea_id, { ...i }]));
    this.locked = !!s.locked;
    this.closed = !!s.closed;
    this.slow = s.slow_mode_seconds || 0;
    this.dotBudget = s.dot_votes_per_user || 0;
    this.dotsLeft = s.my_dots_left || 0;
    this.mutedUntil = s.muted_until || null;
    this.stateSeq = w.last_seq;
    this.emit("state");
  }

  // One durable event; `live` when it came after the first load (to announce it).
  event(e, live) {
    if (e.actor) this.names.set(e.actor.user_id, e.actor.display_name);
    if (e.seq > this.chatSeq) {
      this.chatSeq = e.seq;
      this.log(e, live);
    }
    if (this.stateSeq >= 0 && e.seq > this.stateSeq) {
      this.stateSeq = e.seq;
      this.apply(e);
    }
  }

  log(e, live) {
    const mine = e.actor && e.actor.user_id === this.me;
    switch (e.type) {
      case "chat": {
        const m = {
          seq: e.seq, actor: e.actor, at: e.at, text: e.text || "", edited: !!e.edited,
          deleted: !!e.deleted, document: e.document || null, reactions: new Map(),
        };
        this.messages.set(e.seq, m);
        this.emit("message", { m, added: true, live, mine });
        return;
      }
      case "chat.edited": {
        const m = this.messages.get(e.target_seq);
        if (m && !m.deleted && e.text !== undefined) { m.text = e.text; m.edited = true; this.emit("message", { m }); }
        return;
      }
      case "chat.deleted": {
        const m = this.messages.get(e.target_seq);
        if (m) { m.deleted = true; m.text = ""; m.document = null; this.emit("message", { m }); }
        return;
      }
      case "reaction": {
        const m = this.messages.get(e.target_seq);
        if (!m) return;
        const prev = m.reactions.get(e.emoji) || { count: 0, mine: false };
        m.reactions.set(e.emoji, { count: e.count, mine: mine ? !!e.added : prev.mine });
        if (!e.count) m.reactions.delete(e.emoji);
        this.emit("message", { m });
        return;
      }
      case "user.muted":
        if (e.until) this.muted.set(e.user_id, e.until); else this.muted.delete(e.user_id);
        break;
      case "user.kicked":
        this.kicked.set(e.user_id, this.nameOf(e.user_id));
        break;
      case "user.unkicked":
        this.kicked.delete(e.user_id);
        break;
      default: break;
    }
    if (LOGGED.has(e.type)) {
      this.messages.set(e.seq, { seq: e.seq, system: true, at: e.at, event: e });
      this.emit("message", { m: this.messages.get(e.seq), added: true, live: false });
    }
    if (e.type.startsWith("user.")) this.emit("people");
  }

  apply(e) {
    const mine = e.actor && e.actor.user_id === this.me;
    switch (e.type) {
      case "hands":
        this.hands = e.queue || [];
        this.emit("hands");
        break;
      case "poll.created":
        this.polls.set(e.poll_id, {
          poll_id: e.poll_id, question: e.question, options: e.options, multiple: !!e.multiple,
          hide_results: !!e.hide_results, closed: false, my_choices: null,
          results: e.hide_results ? undefined : { counts: e.options.map(() => 0), voters: 0 },
        });
        this.emit("polls");
        break;
      case "poll.voted":
        this.emit("polls");
        break;
      case "poll.closed": {
        const p = this.polls.get(e.poll_id);
        if (p) { p.closed = true; p.results = e.results; this.emit("polls"); }
        break;
      }
      case "question.asked":
        this.questions.set(e.question_id, {
          question_id: e.question_id, text: e.text || "", actor: e.actor, at: e.at, votes: 0,
          upvoted_by_me: false, answered: false, pinned: false, hidden: !!e.hidden,
        });
        this.emit("questions");
        break;
      case "question.upvoted": {
        const q = this.questions.get(e.question_id);
        if (q) { q.votes = e.votes; if (mine) q.upvoted_by_me = !!e.upvoted; this.emit("questions"); }
        break;
      }
      case "question.answered":
      case "question.pinned":
      case "question.hidden": {
        const q = this.questions.get(e.question_id);
        const field = e.type.split(".")[1];
        if (q) {
          q[field] = !!e[field];
          if (field === "hidden" && e.text !== undefined) q.text = e.text;
          if (field === "hidden" && q.hidden && !this.isMod) this.questions.delete(e.question_id);
        } else if (field === "hidden" && !e.hidden && e.text !== undefined) {
          this.questions.set(e.question_id, {
            question_id: e.question_id, text: e.text, actor: e.actor, at: e.at, votes: 0,
            upvoted_by_me: false, answered: false, pinned: false, hidden: false,
          });
        }
        this.emit("questions");
        break;
      }
      case "idea.added":
        this.ideas.set(e.idea_id, {
          idea_id: e.idea_id, text: e.text, column: e.column || "ideas", actor: e.actor, votes: 0, voted_by_me: false,
        });
        this.emit("ideas");
        break;
      case "idea.voted":
      case "idea.unvoted": {
        const i = this.ideas.get(e.idea_id);
        if (i) {
          i.votes = e.votes;
          if (mine) { i.voted_by_me = e.type === "idea.voted"; this.dotsLeft += i.voted_by_me ? -1 : 1; }
        }
        this.emit("ideas");
        break;
      }
      case "idea.moved": {
        const i = this.ideas.get(e.idea_id);
        if (i) { i.column = e.column; this.emit("ideas"); }
        break;
      }
      case "idea.removed": {
        const i = this.ideas.get(e.idea_id);
        if (i && i.voted_by_me) this.dotsLeft += 1;
        this.ideas.delete(e.idea_id);
        this.emit("ideas");
        break;
      }
      case "room.locked": this.locked = !!e.locked; this.emit("controls"); break;
      case "room.closed": this.closed = true; this.emit("controls"); break;
      case "room.slow_mode": this.slow = e.seconds || 0; this.emit("controls"); break;
      case "user.muted":
        if (e.user_id === this.me) { this.mutedUntil = e.until || null; this.emit("controls"); }
        break;
      case "user.kicked":
        this.hands = this.hands.filter((x) => x.user_id !== e.user_id);
        this.emit("hands");
        break;
      default: break;
    }
  }

  presence(f) {
    const who = f.joined || f.left;
    if (who) {
      this.names.set(who.user_id, who.display_name);
      if (f.joined) this.present.set(who.user_id, who.display_name);
      else this.present.delete(who.user_id);
    }
    this.presentCount = f.count;
    this.emit("people");
  }

  results(f) {
    const p = this.polls.get(f.poll_id);
    if (p && !p.closed) { p.results = f.results; this.emit("polls"); }
  }
}
