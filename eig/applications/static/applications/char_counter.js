// Under each text area with a limit: "123 / 2000 caractères", updated as the candidate types.
(function () {
  "use strict";
  var form = document.querySelector("form[data-counter-text]");
  if (!form) {
    return;
  }
  var text = form.getAttribute("data-counter-text");
  form.querySelectorAll("textarea[maxlength]").forEach(function (field) {
    var counter = document.createElement("p");
    counter.id = field.id + "-counter";
    counter.className = "fr-hint-text fr-mt-1v fr-mb-0";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + counter.id);
    function update() {
      counter.textContent = text
        .replace("{count}", field.value.length)
        .replace("{limit}", field.maxLength);
    }
    field.addEventListener("input", update);
    update();
  });
})();
