// Progressive enhancement: pages work without this file.
// Ticking a facet applies it at once instead of waiting for the "Apply filters" button.
(function () {
  document.documentElement.classList.add("js");
  var form = document.getElementById("filter-form");
  if (!form) return;
  var apply = form.querySelector(".apply");
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") {
      // Start again at page 1 with the new filters.
      form.submit();
    }
  });
  if (apply) apply.classList.add("auto-years");
})();
