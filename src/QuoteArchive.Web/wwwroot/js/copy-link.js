// "Copy link" beside every quote's permalink: progressive enhancement. Without script, or where the browser
// offers no clipboard (a page served over plain HTTP from another machine), the permalink is still there to copy.
(function () {
  "use strict";
  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    return;
  }
  var links = document.querySelectorAll(".permalink a[href]");
  if (links.length === 0) {
    return;
  }
  Array.prototype.forEach.call(links, function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    link.parentNode.appendChild(button);
  });
  // Said once for the page, to screen readers: the button's own text changes for everyone else.
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  (document.querySelector("main") || document.body).appendChild(status);

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy-link");
    if (!button) {
      return;
    }
    var link = button.parentNode.querySelector("a[href]");
    navigator.clipboard.writeText(link.href).then(function () {
      button.textContent = "Copied";
      status.textContent = "Link copied: " + link.href;
      window.setTimeout(function () { button.textContent = "Copy link"; }, 2500);
    }, function () {
      status.textContent = "Could not copy. The permalink beside the button is the quote's address.";
    });
  });
})();
