// Autocomplete for the search box: progressive enhancement. Without this script the box is a plain GET form.
// Suggestions come from /api/suggest (topic titles and author names by prefix) into a <datalist>; choosing one
// from the list goes to its page; typing goes on searching quotes.
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(inputs, function (input, index) {
    var list = document.createElement("datalist");
    list.id = "search-suggestions-" + index;
    input.setAttribute("list", list.id);
    input.parentNode.appendChild(list);
    var urls = Object.create(null);
    var timer = 0;
    var latest = 0;

    input.addEventListener("input", function (event) {
      var typed = input.value;
      // Picking an option from the list replaces the text; typing inserts it.
      var picked = !event.inputType || event.inputType === "insertReplacementText";
      if (picked && urls[typed]) {
        window.location.href = urls[typed];
        return;
      }
      window.clearTimeout(timer);
      if (typed.trim().length < 2) {
        return;
      }
      timer = window.setTimeout(function () {
        var request = ++latest;
        fetch("/api/suggest?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (suggestions) {
            if (request !== latest) {
              return;
            }
            list.textContent = "";
            urls = Object.create(null);
            suggestions.forEach(function (suggestion) {
              var option = document.createElement("option");
              // textContent and value: names are text, never markup.
              option.value = suggestion.name;
              option.textContent = suggestion.kind === "author" ? "author" : "topic";
              urls[suggestion.name] = suggestion.url;
              list.appendChild(option);
            });
          })
          .catch(function () { /* No suggestions: the form still works. */ });
      }, 150);
    });
  });
})();
