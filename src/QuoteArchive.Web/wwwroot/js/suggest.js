// Autocomplete for the search box: progressive enhancement. Without this script the box is a plain GET form.
// Suggestions (topic titles and author names by prefix, from /api/suggest) fill a list box that follows the
// ARIA combobox pattern: the box keeps focus, Down and Up move through the list (aria-activedescendant), Enter
// opens the chosen page, Escape closes the list. Enter with nothing chosen searches quotes, as without script.
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(inputs, function (input, index) {
    var list = document.createElement("ul");
    list.id = "search-suggestions-" + index;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var active = -1;
    var timer = 0;
    var latest = 0;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function open(shown) {
      list.hidden = !shown;
      input.setAttribute("aria-expanded", shown ? "true" : "false");
      if (!shown) {
        select(-1);
      }
    }

    function select(next) {
      var all = options();
      Array.prototype.forEach.call(all, function (option, i) {
        option.setAttribute("aria-selected", i === next ? "true" : "false");
      });
      active = next;
      if (next >= 0) {
        input.setAttribute("aria-activedescendant", all[next].id);
        all[next].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(option) {
      window.location.assign(option.getAttribute("data-url"));
    }

    function show(suggestions) {
      list.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        // textContent: names are text, never markup.
        option.textContent = suggestion.name;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = suggestion.kind === "author" ? " author" : " topic";
        option.appendChild(kind);
        list.appendChild(option);
      });
      active = -1;
      open(suggestions.length > 0);
      status.textContent = suggestions.length === 0 ? "" :
        suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions") + "; Down arrow to choose.";
    }

    input.addEventListener("input", function () {
      var typed = input.value;
      window.clearTimeout(timer);
      if (typed.trim().length < 2) {
        show([]);
        return;
      }
      timer = window.setTimeout(function () {
        var request = ++latest;
        fetch("/api/suggest?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (suggestions) {
            if (request === latest) {
              show(suggestions);
            }
          })
          .catch(function () { /* No suggestions: the form still works. */ });
      }, 150);
    });

    input.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (count === 0) {
          return;
        }
        event.preventDefault();
        if (list.hidden) {
          open(true);
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        select(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        go(options()[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        open(false);
      }
    });

    // The box keeps focus while a pointer chooses; a click opens the option.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        go(option);
      }
    });
    input.addEventListener("blur", function () {
      open(false);
    });
  });
})();
