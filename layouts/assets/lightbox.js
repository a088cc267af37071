// Gallery lightbox, a progressive enhancement: without this script each gallery link simply opens
// the full-size image. With it, a <dialog> shows the images one by one: arrow keys or swipes move,
// Esc or the close button closes, and focus goes back to the link that opened it.
(function () {
  "use strict";
  var galleries = document.querySelectorAll(".gallery");
  if (!galleries.length || typeof HTMLDialogElement !== "function") return;

  galleries.forEach(function (gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("a.gallery-link"));
    if (!links.length) return;
    var lang = document.documentElement.lang || "";
    var zh = lang.indexOf("zh") === 0;
    var labels = zh ? { close: "关闭", prev: "上一张", next: "下一张" } : { close: "Close", prev: "Previous", next: "Next" };
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", (gallery.querySelector("h2") || {}).textContent || "Gallery");
    var figure = document.createElement("figure");
    var img = document.createElement("img");
    var caption = document.createElement("figcaption");
    var count = document.createElement("p");
    count.className = "lightbox-count";
    count.setAttribute("aria-live", "polite");
    figure.appendChild(img);
    figure.appendChild(caption);
    dialog.appendChild(count);
    dialog.appendChild(figure);
    var close = button("lightbox-close", "×", labels.close, function () { dialog.close(); });
    var prev = button("lightbox-prev", "‹", labels.prev, function () { show(index - 1); });
    var next = button("lightbox-next", "›", labels.next, function () { show(index + 1); });
    [close, prev, next].forEach(function (b) { dialog.appendChild(b); });
    gallery.appendChild(dialog);

    var index = 0;
    var opener = null;

    function button(cls, text, label, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.addEventListener("click", onClick);
      return b;
    }

    function show(i) {
      index = (i + links.length) % links.length;
      var link = links[index];
      var thumb = link.querySelector("img");
      img.src = link.href;
      img.alt = thumb ? thumb.alt : "";
      img.width = Number(link.getAttribute("data-width")) || 1200;
      img.height = Number(link.getAttribute("data-height")) || 800;
      if (link.rel.indexOf("noreferrer") !== -1) img.referrerPolicy = "no-referrer";
      var fig = link.closest("figure");
      var cap = fig && fig.querySelector("figcaption");
      caption.textContent = cap ? cap.textContent : "";
      count.textContent = index + 1 + " / " + links.length;
      dialog.setAttribute("data-index", String(index));
    }

    links.forEach(function (link, i) {
      link.addEventListener("click", function (event) {
        // Let modified clicks (new tab, download) do what the reader asked for.
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        opener = link;
        show(i);
        dialog.showModal();
        close.focus();
      });
    });

    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") { show(index + 1); event.preventDefault(); }
      else if (event.key === "ArrowLeft") { show(index - 1); event.preventDefault(); }
    });
    // Esc fires "cancel" and closes the dialog natively; either way focus returns to the opener.
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
    // A click on the backdrop area (the dialog itself, not its content) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || event.target === figure) dialog.close();
    });

    var startX = null;
    dialog.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    dialog.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var dx = event.clientX - startX;
      startX = null;
      if (Math.abs(dx) > 50) show(index + (dx < 0 ? 1 : -1));
    });
  });
})();
