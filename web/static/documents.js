// Upload progress for the documents' forms when htmx sends them: the form's <progress>
// follows the bytes sent. Without JavaScript the form posts as usual.
(function () {
  "use strict";
  function box(form) { return form && form.querySelector(".upload-progress"); }
  document.addEventListener("htmx:xhr:progress", function (e) {
    var form = e.target.closest && e.target.closest("form[data-upload]");
    var b = box(form);
    if (!b || !e.detail.lengthComputable) return;
    var bar = b.querySelector("progress");
    b.hidden = false;
    bar.max = e.detail.total;
    bar.value = e.detail.loaded;
  });
  document.addEventListener("htmx:beforeRequest", function (e) {
    var form = e.target.closest && e.target.closest("form[data-upload]");
    var button = form && form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.target.closest && e.target.closest("form[data-upload]");
    var button = form && form.querySelector("button[type=submit]");
    if (button) button.disabled = false;
  });
})();
