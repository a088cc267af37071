// Starts Pagefind's default UI with paths relative to this page, so search works from any
// host or sub-path the site is copied to.
/* global PagefindUI */
(function () {
  var el = document.getElementById("search");
  if (!el || typeof PagefindUI === "undefined") return;
  var bundlePath = new URL(el.getAttribute("data-bundle"), window.location.href).pathname;
  var baseUrl = new URL(el.getAttribute("data-base"), window.location.href).pathname;
  // Older years and quarters are bundles of their own (so a nightly build re-indexes one): merged here.
  var mergeIndex = (el.getAttribute("data-merge") || "").split(" ").filter(Boolean).map(function (p) {
    return { bundlePath: new URL(p, window.location.href).pathname };
  });
  new PagefindUI({ element: "#search", bundlePath: bundlePath, baseUrl: baseUrl, mergeIndex: mergeIndex, showImages: false, showSubResults: false, resetStyles: false });
  // Pagefind's input carries only a placeholder and a title; give it an accessible name.
  var input = el.querySelector("input.pagefind-ui__search-input");
  if (input && !input.hasAttribute("aria-label")) input.setAttribute("aria-label", input.getAttribute("placeholder") || "Search");
})();
