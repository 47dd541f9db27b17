// Asks before sending a form marked data-confirm (a step that cannot be undone). A file rather
// than an onsubmit attribute: the Content-Security-Policy runs no inline script.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
