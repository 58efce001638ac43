// The check-in screen at the door (events/manage/checkin.html). Without this file every
// row is a form that posts and reloads. With it:
// - the search box filters the rows as one types, with no request;
// - a tap shows the change at once and queues it; the queue is kept in localStorage, so a
//   reload or a dropped connection loses nothing, and is sent in order, retried with
//   backoff until the server answers. Attendance is a state ("attended: true"), so a
//   retry of a request that did arrive changes nothing: no double entries.
(function () {
  "use strict";

  var root = document.getElementById("checkin");
  if (!root) return;
  var list = document.getElementById("checkin-list");
  var progress = document.getElementById("checkin-progress");
  var status = document.getElementById("checkin-status");
  var search = document.getElementById("checkin-q");
  var noMatch = document.getElementById("checkin-no-match");
  var storeKey = "livinglab-checkin-" + root.dataset.event;
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = tokenMeta ? tokenMeta.content : "";
  var action = "/events/" + root.dataset.event + "/check-in";

  var queue = load();
  var sending = false;
  var failures = 0;
  var timer = null;
  var sentAny = false;

  function load() {
    try {
      var q = JSON.parse(window.localStorage.getItem(storeKey) || "[]");
      return Array.isArray(q) ? q : [];
    } catch (e) {
      return [];
    }
  }

  function save() {
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(queue));
    } catch (e) {
      // Private mode or a full storage: the queue still lives until the page closes.
    }
  }

  function rows() {
    return list ? Array.prototype.slice.call(list.querySelectorAll("li.checkin-row")) : [];
  }

  function rowOf(user) {
    return list ? list.querySelector('li.checkin-row[data-user="' + user + '"]') : null;
  }

  // Shows a row as attended or not; the form then offers the opposite.
  function show(row, attended) {
    row.classList.toggle("is-here", attended);
    row.querySelector(".checkin-state").textContent = attended ? root.dataset.here : "";
    var form = row.querySelector("form");
    form.elements.attended.value = attended ? "false" : "true";
    var button = form.querySelector("button");
    button.textContent = attended ? root.dataset.undo : root.dataset.mark;
    button.className = attended ? "checkin-undo" : "primary";
  }

  function count() {
    var all = rows();
    var here = all.filter(function (r) { return r.classList.contains("is-here"); }).length;
    progress.textContent = root.dataset.progress
      .replace("__N__", String(here))
      .replace("__T__", String(all.length));
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function report() {
    if (queue.length === 0) {
      if (sentAny) say(root.dataset.saved);
    } else if (failures > 0) {
      say(queue.length === 1
        ? root.dataset.waitingOne
        : root.dataset.waiting.replace("__N__", String(queue.length)));
    }
  }

  function schedule() {
    if (timer !== null) return;
    // 1 s, 2 s, 4 s ... up to 30 s between tries while the server cannot be reached.
    var delay = Math.min(30000, 1000 * Math.pow(2, Math.max(0, failures - 1)));
    timer = window.setTimeout(function () {
      timer = null;
      flush();
    }, delay);
  }

  function flush() {
    if (sending || queue.length === 0) {
      report();
      return;
    }
    sending = true;
    var item = queue[0];
    var body = new URLSearchParams();
    body.set("csrf", csrf);
    body.set("user_id", item.user);
    body.set("attended", item.attended ? "true" : "false");
    fetch(action, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: {
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRF-Token": csrf
      },
      body: body
    }).then(function (res) {
      sending = false;
      if (res.ok) {
        failures = 0;
        sentAny = true;
        done(item);
        flush();
      } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        // Refused (no seat any more, the event was cancelled): sending again would not
        // help. Undo it on the screen and say so.
        failures = 0;
        done(item);
        var row = rowOf(item.user);
        if (row) { show(row, !item.attended); count(); }
        say(root.dataset.failed);
        flush();
      } else if (res.type === "opaqueredirect") {
        // The session ended (pages send the signed-out to sign in): keep the queue, say
        // how to go on, and keep trying so it goes out once signed in again (another tab).
        failures += 1;
        say(root.dataset.signedOut);
        schedule();
      } else {
        // The server is down or overloaded: keep it, try again.
        retry();
      }
    }, function () {
      sending = false;
      retry();
    });
  }

  function retry() {
    failures += 1;
    report();
    schedule();
  }

  function done(item) {
    var i = queue.indexOf(item);
    if (i >= 0) queue.splice(i, 1);
    save();
  }

  function enqueue(user, attended) {
    // The last change per person is what counts: an older one still waiting goes.
    queue = queue.filter(function (q) { return q.user !== user || q === queue[0] && sending; });
    queue.push({ user: user, attended: attended });
    save();
    // "Saved." no longer holds until this change is stored.
    if (failures === 0) say("");
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    flush();
  }

  if (list) {
    list.addEventListener("submit", function (ev) {
      var form = ev.target;
      if (!form.classList || !form.classList.contains("checkin-mark")) return;
      ev.preventDefault();
      var row = form.closest("li.checkin-row");
      var attended = form.elements.attended.value === "true";
      show(row, attended);
      count();
      enqueue(row.dataset.user, attended);
      // The button's text changed under the finger: keep the focus on it.
      form.querySelector("button").focus();
    });
  }

  function filter() {
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    rows().forEach(function (r) {
      var keep = q === "" || r.dataset.name.indexOf(q) !== -1;
      r.hidden = !keep;
      if (keep) shown += 1;
    });
    if (noMatch) noMatch.hidden = shown !== 0 || rows().length === 0;
  }

  if (search) {
    search.addEventListener("input", filter);
    var searchForm = search.form;
    if (searchForm) {
      searchForm.addEventListener("submit", function (ev) {
        ev.preventDefault();
        filter();
      });
    }
  }

  // What a previous visit left unsent is shown as it was tapped, then sent.
  queue.forEach(function (item) {
    var row = rowOf(item.user);
    if (row) show(row, item.attended);
  });
  if (queue.length > 0) {
    count();
    failures = 1;
    report();
  }
  window.addEventListener("online", function () {
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    flush();
  });
  flush();
})();
