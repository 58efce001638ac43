// What every page needs from JavaScript, and nothing it cannot do without:
// the visitor's timezone for dates (a cookie the server reads), and the CSRF token on
// htmx requests. Pages work without this file.
(function () {
  "use strict";
  try {
    var tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && document.cookie.indexOf("tz=") === -1) {
      document.cookie = "tz=" + encodeURIComponent(tz) + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (e) { /* an old browser: UTC it is */ }
  var meta = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener("htmx:configRequest", function (e) {
    if (meta) e.detail.headers["X-CSRF-Token"] = meta.getAttribute("content");
  });
  // A swapped fragment that carries an error summary takes the focus, as a full page does.
  document.addEventListener("htmx:afterSwap", function (e) {
    var summary = e.detail.target.querySelector(".error-summary");
    if (summary) summary.focus();
  });
})();
