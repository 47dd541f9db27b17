// Under each text area with a limit: « 1 950 / 2 000 caractères », updated as the candidate
// types. The field has no `maxlength`, which would cut a pasted text without a word: past the
// limit the counter says by how much, and the server refuses the text, keeping it on the page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-counter-text]");
  if (!form) {
    return;
  }
  var text = form.getAttribute("data-counter-text");
  var over = form.getAttribute("data-counter-over");
  var number = new Intl.NumberFormat("fr-FR");
  form.querySelectorAll("textarea[data-maxlength]").forEach(function (field) {
    var limit = Number(field.getAttribute("data-maxlength"));
    var counter = document.createElement("p");
    counter.id = field.id + "-counter";
    counter.className = "fr-message fr-mt-1v fr-mb-0";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + counter.id);
    function update() {
      // Counted as the server counts: a line break is one character.
      var count = field.value.replace(/\r\n/g, "\n").length;
      var template = count > limit ? over : text;
      counter.textContent = template
        .replace("{count}", number.format(count))
        .replace("{limit}", number.format(limit))
        .replace("{over}", number.format(count - limit));
      counter.classList.toggle("fr-message--error", count > limit);
      counter.classList.toggle("fr-message--warning", count <= limit && count >= limit * 0.9);
    }
    field.addEventListener("input", update);
    update();
  });
})();
