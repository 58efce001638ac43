// Shortcuts (listed in the help dialog, opened by its button and by "?"), and the phone
// layout's tabs: on a narrow screen the panels beside the chat become a tablist.

import { $ } from "./render.js";

const PHONE = "(max-width: 640px)";
let opener = null;

export function init() {
  const dialog = $("live-help");
  const open = $("live-help-open");
  open.hidden = false;
  open.addEventListener("click", () => show(open));
  $("live-help-close").addEventListener("click", () => dialog.close());
  // A modal dialog keeps focus inside and closes on Escape; focus goes back to the opener.
  dialog.addEventListener("close", () => { if (opener) opener.focus(); opener = null; });
  document.addEventListener("keydown", (ev) => {
    if (dialog.open) return;
    const typing = ev.target.closest && ev.target.closest("input, textarea, select, [contenteditable]");
    if (ev.key === "?" && !typing) { ev.preventDefault(); show(document.activeElement); return; }
    if (ev.key === "/" && !typing) { ev.preventDefault(); $("live-text").focus(); return; }
    if (ev.altKey && /^[1-6]$/.test(ev.key)) {
      ev.preventDefault();
      const tabs = visibleTabs();
      const tab = tabs[Number(ev.key) - 1];
      if (tab) goTo(tab);
    }
  });
  tabs();
}

function show(from) {
  opener = from instanceof HTMLElement ? from : null;
  $("live-help").showModal();
  $("live-help-close").focus();
}

function visibleTabs() {
  return [...$("live-tabs").querySelectorAll("button")].filter((b) => !b.hidden);
}

function goTo(tab) {
  const panel = $(tab.dataset.panel);
  if (window.matchMedia(PHONE).matches) { select(tab); tab.focus(); return; }
  const heading = panel.querySelector("h2");
  heading.tabIndex = -1;
  heading.focus();
}

function select(tab) {
  for (const b of visibleTabs()) {
    const on = b === tab;
    b.setAttribute("aria-selected", on ? "true" : "false");
    b.tabIndex = on ? 0 : -1;
    $(b.dataset.panel).classList.toggle("live-inactive", !on);
  }
}

function tabs() {
  const bar = $("live-tabs");
  const mq = window.matchMedia(PHONE);
  const apply = () => {
    const phone = mq.matches;
    bar.hidden = !phone;
    const all = [...bar.querySelectorAll("button")];
    if (phone) {
      bar.setAttribute("role", "tablist");
      for (const b of all) {
        b.setAttribute("role", "tab");
        b.setAttribute("aria-controls", b.dataset.panel);
        const p = $(b.dataset.panel);
        p.setAttribute("role", "tabpanel");
        p.setAttribute("aria-labelledby", b.id);
      }
      select(visibleTabs().find((b) => b.getAttribute("aria-selected") === "true") || visibleTabs()[0]);
    } else {
      bar.removeAttribute("role");
      for (const b of all) {
        for (const a of ["role", "aria-controls", "aria-selected", "tabindex"]) b.removeAttribute(a);
        const p = $(b.dataset.panel);
        p.removeAttribute("role");
        p.setAttribute("aria-labelledby", p.querySelector("h2").id);
        p.classList.remove("live-inactive");
      }
    }
  };
  mq.addEventListener("change", apply);
  apply();
  bar.addEventListener("click", (ev) => {
    const b = ev.target.closest("button");
    if (b) select(b);
  });
  bar.addEventListener("keydown", (ev) => {
    const list = visibleTabs();
    const i = list.indexOf(document.activeElement);
    if (i < 0) return;
    let next = null;
    if (ev.key === "ArrowRight") next = list[(i + 1) % list.length];
    else if (ev.key === "ArrowLeft") next = list[(i - 1 + list.length) % list.length];
    else if (ev.key === "Home") next = list[0];
    else if (ev.key === "End") next = list[list.length - 1];
    if (next) { ev.preventDefault(); select(next); next.focus(); }
  });
}
