// Starts Pagefind's default UI with paths relative to this page, so search works from any
// host or sub-path the site is copied to.
/* global PagefindUI */
(function () {
  var el = document.getElementById("search");
  if (!el || typeof PagefindUI === "undefined") return;
  var bundlePath = new URL(el.getAttribute("data-bundle"), window.location.href).pathname;
  var baseUrl = new URL(el.getAttribute("data-base"), window.location.href).pathname;
  new PagefindUI({ element: "#search", bundlePath: bundlePath, baseUrl: baseUrl, showImages: false, showSubResults: false, resetStyles: false });
  // Pagefind's input carries only a placeholder and a title; give it an accessible name.
  var input = el.querySelector("input.pagefind-ui__search-input");
  if (input && !input.hasAttribute("aria-label")) input.setAttribute("aria-label", input.getAttribute("placeholder") || "Search");
})();
