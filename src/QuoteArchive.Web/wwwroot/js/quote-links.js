// "Copy link" and "Cite" beside every quote's permalink: progressive enhancement. Without script the permalink is
// there to copy as text; where the browser offers no clipboard (a page served over plain HTTP from another machine)
// Cite still shows the citations to select by hand. Content is only ever set as text, never as markup.
(function () {
  "use strict";
  var links = document.querySelectorAll(".permalink a[href^='/q/']");
  if (links.length === 0) {
    return;
  }
  var canCopy = !!(navigator.clipboard && navigator.clipboard.writeText);
  var canCite = typeof window.fetch === "function";

  function button(className, text) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = text;
    return element;
  }

  Array.prototype.forEach.call(links, function (link) {
    if (canCopy) {
      link.parentNode.appendChild(button("copy-link", "Copy link"));
    }
    if (canCite) {
      var cite = button("cite", "Cite");
      cite.setAttribute("aria-expanded", "false");
      link.parentNode.appendChild(cite);
    }
  });
  // Said once for the page, to screen readers: the button's own text changes for everyone else.
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  (document.querySelector("main") || document.body).appendChild(status);

  function copy(text, buttonElement, label, done) {
    navigator.clipboard.writeText(text).then(function () {
      buttonElement.textContent = "Copied";
      status.textContent = done;
      window.setTimeout(function () { buttonElement.textContent = label; }, 2500);
    }, function () {
      status.textContent = "Could not copy. Select the text to copy it by hand.";
    });
  }

  // The citations come from /q/{id}/cite: every format, with the permalink and today's date as the access date.
  function showCitations(citeButton, link) {
    var paragraph = citeButton.parentNode;
    var panel = paragraph.nextElementSibling;
    if (panel && panel.classList.contains("citations")) {
      var open = panel.hidden;
      panel.hidden = !open;
      citeButton.setAttribute("aria-expanded", String(open));
      return;
    }
    citeButton.disabled = true;
    fetch(link.getAttribute("href") + "/cite", { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (set) {
        panel = document.createElement("div");
        panel.className = "citations";
        panel.id = "cite-" + link.getAttribute("href").slice(3);
        panel.setAttribute("role", "group");
        panel.setAttribute("aria-label", "Cite this quote");
        set.formats.forEach(function (format) {
          var entry = document.createElement("div");
          entry.className = "citation citation-" + format.format;
          var label = document.createElement("p");
          label.className = "citation-label";
          label.textContent = format.label;
          var text = document.createElement("pre");
          text.tabIndex = 0;
          text.setAttribute("aria-label", format.label + " citation");
          text.textContent = format.text;
          entry.appendChild(label);
          entry.appendChild(text);
          if (canCopy) {
            var copyButton = button("copy-citation", "Copy " + format.label);
            copyButton.dataset.label = "Copy " + format.label;
            entry.appendChild(copyButton);
          }
          panel.appendChild(entry);
        });
        paragraph.parentNode.insertBefore(panel, paragraph.nextSibling);
        citeButton.setAttribute("aria-controls", panel.id);
        citeButton.setAttribute("aria-expanded", "true");
      })
      .catch(function () {
        status.textContent = "Could not load the citations. The permalink beside the button is the quote's address.";
      })
      .then(function () { citeButton.disabled = false; });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("button.copy-link, button.cite, button.copy-citation");
    if (!target) {
      return;
    }
    if (target.classList.contains("copy-citation")) {
      copy(target.parentNode.querySelector("pre").textContent, target, target.dataset.label, "Citation copied.");
      return;
    }
    var link = target.parentNode.querySelector("a[href]");
    if (target.classList.contains("cite")) {
      showCitations(target, link);
    } else {
      copy(link.href, target, "Copy link", "Link copied: " + link.href);
    }
  });
})();
