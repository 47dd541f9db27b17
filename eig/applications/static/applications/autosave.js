// Saves the step's form in the background, so that nothing typed is lost if the page closes:
// every 10 seconds when something changed, and when the page is hidden (tab closed or left).
(function () {
  "use strict";
  var INTERVAL_MS = 10000;
  var form = document.querySelector("form[data-autosave-url]");
  var status = document.getElementById("autosave-status");
  if (!form || !status || !window.fetch) {
    return;
  }
  var changed = false;

  function save(keepalive) {
    if (!changed) {
      return;
    }
    changed = false;
    fetch(form.getAttribute("data-autosave-url"), {
      method: "POST",
      body: new FormData(form), // includes the CSRF token of the form
      credentials: "same-origin",
      keepalive: keepalive,
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        status.textContent = answer.message;
        // This page now holds the latest save: another tab's is told apart (eig services).
        var version = form.querySelector("input[name=version]");
        if (version && answer.version) {
          version.value = answer.version;
        }
      })
      .catch(function () {
        changed = true;
        status.textContent = form.getAttribute("data-autosave-failed");
      });
  }

  form.addEventListener("input", function () {
    changed = true;
  });
  form.addEventListener("change", function () {
    changed = true;
  });
  // The buttons save the step themselves.
  form.addEventListener("submit", function () {
    changed = false;
  });
  window.setInterval(function () {
    save(false);
  }, INTERVAL_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      save(true);
    }
  });
})();
