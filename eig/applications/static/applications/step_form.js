// The step's form as the DSFR intends: the error summary takes the focus when the page shows
// it, and the CV is checked (type, size) before it is sent, as the server will check it again.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
  var upload = document.querySelector("input[type=file][data-max-bytes]");
  if (!upload) {
    return;
  }
  var messages = document.getElementById(upload.id + "-messages");
  var group = upload.closest(".fr-upload-group");
  function problem(file) {
    var isPdf = /\.pdf$/i.test(file.name) || file.type === "application/pdf";
    if (!isPdf) {
      return upload.getAttribute("data-not-pdf");
    }
    if (file.size > Number(upload.getAttribute("data-max-bytes"))) {
      return upload.getAttribute("data-too-large");
    }
    return "";
  }
  function show(text) {
    messages.textContent = "";
    group.classList.toggle("fr-upload-group--error", Boolean(text));
    if (text) {
      var line = document.createElement("p");
      line.className = "fr-message fr-message--error";
      line.textContent = text;
      messages.appendChild(line);
      upload.setAttribute("aria-invalid", "true");
      upload.setAttribute("aria-describedby", messages.id);
    } else {
      upload.removeAttribute("aria-invalid");
    }
  }
  upload.addEventListener("change", function () {
    var file = upload.files[0];
    show(file ? problem(file) : "");
  });
  upload.form.addEventListener("submit", function (event) {
    var file = upload.files[0];
    var text = file ? problem(file) : "";
    if (text) {
      // Not sent: the file is refused here, and the other answers stay as they are.
      event.preventDefault();
      show(text);
      upload.focus();
    }
  });
})();
