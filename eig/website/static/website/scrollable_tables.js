// A table wider than its column scrolls sideways inside its DSFR container. A container that
// scrolls takes the keyboard focus, named by its table's caption, so that the arrow keys scroll
// it too (WCAG 2.1.1); one that fits, or is hidden, stays out of the tab order.
(function () {
  "use strict";
  var captions = 0;

  function mark(container) {
    var scrolls = container.scrollWidth > container.clientWidth;
    if (scrolls && !container.hasAttribute("tabindex")) {
      container.setAttribute("tabindex", "0");
      container.setAttribute("role", "region");
      var caption = container.querySelector("caption");
      if (caption) {
        caption.id = caption.id || "eig-table-caption-" + ++captions;
        container.setAttribute("aria-labelledby", caption.id);
      }
      container.dataset.eigScrolls = "";
    } else if (!scrolls && container.dataset.eigScrolls !== undefined) {
      ["tabindex", "role", "aria-labelledby", "data-eig-scrolls"].forEach(function (name) {
        container.removeAttribute(name);
      });
    }
  }

  // Measured now, then whenever a container's size changes: the window resized, or the
  // accordion or tab that hid it opened.
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      mark(entry.target);
    });
  });
  document.querySelectorAll(".fr-table__container").forEach(function (container) {
    mark(container);
    observer.observe(container);
  });
})();
