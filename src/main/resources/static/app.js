// Progressive enhancement: pages work without this file.
// Ticking a facet applies it at once instead of waiting for the "Apply filters" button, and the
// reloaded page puts keyboard focus back on the box that was ticked.
(function () {
  document.documentElement.classList.add("js");
  var form = document.getElementById("filter-form");
  if (!form) return;
  var panel = document.getElementById("filters");
  var apply = form.querySelector(".apply");
  var action = form.getAttribute("action").split("#")[0];
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") {
      // Start again at page 1 with the new filters; the fragment names the box to focus.
      form.setAttribute("action", action + "#" + event.target.id);
      form.submit();
    }
  });
  if (apply) apply.classList.add("auto-years");
  var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target && form.contains(target)) {
    if (panel) panel.open = true;
    target.focus();
  } else if (panel && window.matchMedia("(min-width: 821px)").matches) {
    // The page comes with the filters folded: on a phone they stay so above the results
    // ("Filters" opens them); on a wide screen the style sheet shows them beside the results, and
    // opening the panel does so too where a browser cannot style a folded panel's content.
    panel.open = true;
  }
})();
