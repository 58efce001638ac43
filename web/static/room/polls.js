// Polls: vote (or change one's vote) in a form per poll, results as bars with the numbers
// and percentages in words; moderators create and close polls.

import { $, h, t, tp, percent, refusal } from "./render.js";

let room;
let state;

export function init(r) {
  room = r;
  state = r.state;
  state.on("polls", render);
  state.on("state", render);
  state.on("controls", render);
  const form = $("live-poll-form");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const question = $("live-poll-question").value.trim();
    const options = $("live-poll-options").value.split("\n").map((s) => s.trim()).filter(Boolean);
    const out = form.querySelector(".live-form-state");
    if (!question || options.length < 2) { out.textContent = t("room-poll-need-options"); return; }
    const { done } = room.send({
      type: "poll.create", question, options,
      multiple: $("live-poll-multiple").checked, hide_results: $("live-poll-hide").checked,
    });
    const a = await done;
    if (a.ok) { form.reset(); out.textContent = t("room-poll-created"); } else out.textContent = refusal(a, state);
  });
}

export function bars(p, big) {
  const wrap = h("div", { class: big ? "live-results big" : "live-results" });
  if (!p.results) {
    wrap.append(h("p", { class: "meta" }, t("room-poll-results-hidden")));
    return wrap;
  }
  const { counts, voters } = p.results;
  const total = counts.reduce((a, b) => a + b, 0);
  p.options.forEach((o, i) => {
    const id = `live-bar-${p.poll_id}-${i}${big ? "-big" : ""}`;
    wrap.append(h("div", { class: "live-bar" },
      h("span", { id, class: "live-bar-label" }, o),
      h("meter", { min: 0, max: Math.max(1, total), value: counts[i] || 0, "aria-labelledby": id }),
      h("span", { class: "live-bar-count" }, t("room-poll-votes-share", { votes: tp("room-poll-votes", counts[i] || 0), share: percent(counts[i] || 0, total) }))));
  });
  wrap.append(h("p", { class: "meta" }, tp("room-poll-voters", voters)));
  return wrap;
}

function card(p) {
  const titleId = `live-poll-${p.poll_id}`;
  const art = h("article", { class: "live-poll", "aria-labelledby": titleId },
    h("h3", { id: titleId }, p.question),
    p.closed ? h("p", {}, h("span", { class: "badge" }, t("room-poll-closed"))) : null);
  if (!p.closed) {
    const form = h("form", { class: "live-vote" });
    const fs = h("fieldset", {}, h("legend", {}, p.multiple ? t("room-poll-choose-many") : t("room-poll-choose-one")));
    p.options.forEach((o, i) => {
      const id = `live-poll-${p.poll_id}-opt-${i}`;
      const input = h("input", {
        type: p.multiple ? "checkbox" : "radio", name: `poll-${p.poll_id}`, id, value: i,
        checked: !!(p.my_choices && p.my_choices.includes(i)), disabled: !room.canAct(),
      });
      fs.append(h("p", { class: "checkbox" }, input, " ", h("label", { for: id }, o)));
    });
    const out = h("p", { class: "live-form-state", "aria-live": "polite" },
      p.my_choices ? t("room-poll-you-voted") : "");
    form.append(fs, out, h("button", { type: "submit", disabled: !room.canAct() }, p.my_choices ? t("room-poll-change-vote") : t("room-poll-vote")));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const choices = [...form.querySelectorAll("input:checked")].map((x) => Number(x.value)).sort((a, b) => a - b);
      if (!choices.length) { out.textContent = t("room-poll-choose-first"); return; }
      const { done } = room.send({ type: "poll.vote", poll_id: p.poll_id, choices });
      const a = await done;
      if (a.ok) { p.my_choices = choices; out.textContent = t("room-poll-you-voted"); state.emit("polls"); } else out.textContent = refusal(a, state);
    });
    art.append(form);
  }
  art.append(bars(p, false));
  if (state.isMod && !p.closed) {
    art.append(h("p", { class: "actions" }, h("button", {
      type: "button", disabled: !room.canAct(),
      onclick: async () => { const { done } = room.send({ type: "poll.close", poll_id: p.poll_id }); await done; },
    }, t("room-poll-close"))));
  }
  return art;
}

function render() {
  const box = $("live-polls");
  // Keep focus where it was when a poll is redrawn (results arrive while one votes).
  const focusId = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : null;
  const focusText = !focusId && document.activeElement && box.contains(document.activeElement) ? document.activeElement.textContent : null;
  // Choices not yet sent survive the redraw.
  const picked = new Map([...box.querySelectorAll(".live-vote input")].map((x) => [x.id, x.checked]));
  box.replaceChildren(...[...state.polls.values()].reverse().map(card));
  for (const [id, checked] of picked) { const x = $(id); if (x) x.checked = checked; }
  if (!state.polls.size) box.append(h("p", { class: "meta" }, t("room-polls-none")));
  if (focusId && $(focusId)) $(focusId).focus();
  else if (focusText) { const b = [...box.querySelectorAll("button")].find((x) => x.textContent === focusText); if (b) b.focus(); }
  const form = $("live-poll-form");
  form.hidden = !state.isMod;
  for (const el of form.elements) el.disabled = !room.canAct();
}
