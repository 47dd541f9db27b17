// "Tick the whole page" on the team's list: a file rather than inline code (the
// Content-Security-Policy runs no inline script). Without JavaScript the box stays hidden.
(function () {
  "use strict";
  document.querySelectorAll("[data-select-all]").forEach(function (box) {
    var form = box.form;
    var name = box.getAttribute("data-select-all");
    var boxes = function () {
      return form.querySelectorAll('input[type="checkbox"][name="' + name + '"]');
    };
    box.closest(".eig-select-all").hidden = false;
    var fallback = form.querySelector(".eig-select-all-fallback");
    if (fallback) {
      fallback.hidden = true;
    }
    box.addEventListener("change", function () {
      boxes().forEach(function (each) {
        each.checked = box.checked;
      });
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === name) {
        var all = Array.prototype.every.call(boxes(), function (each) {
          return each.checked;
        });
        box.checked = all;
      }
    });
  });
})();
