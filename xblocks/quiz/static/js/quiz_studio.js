/* Studio editor of the quiz: posts the OLX to `studio_submit`; the server checks it and either
   saves it or answers with the problems (one per line), shown next to the text box. */
function JitQuizStudio(runtime, element, args) {
  "use strict";
  var host = element.jquery ? element[0] : element;
  var root = host.querySelector(".jit-quiz-studio");
  var strings = args.strings || {};
  var textarea = root.querySelector(".jit-quiz-studio__olx");
  var problemsBox = root.querySelector(".jit-quiz-studio__problems");
  var statusBox = root.querySelector(".jit-quiz-studio__status");

  function notify(name, payload) {
    if (runtime && typeof runtime.notify === "function") { runtime.notify(name, payload); }
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function showProblems(lines) {
    var list = problemsBox.querySelector("ul");
    list.textContent = "";
    lines.forEach(function (line) {
      var li = document.createElement("li");
      li.dir = "ltr";
      li.textContent = line;
      list.appendChild(li);
    });
    problemsBox.hidden = !lines.length;
  }

  textarea.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) { return; }
    event.preventDefault();
    textarea.setRangeText("  ", textarea.selectionStart, textarea.selectionEnd, "end");
  });

  root.querySelector(".jit-quiz-studio__form").addEventListener("submit", function (event) {
    event.preventDefault();
    statusBox.textContent = strings.saving;
    notify("save", {state: "start", message: strings.saving});
    fetch(runtime.handlerUrl(host, "studio_submit"), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify({olx: textarea.value})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok) {
          showProblems([]);
          statusBox.textContent = strings.saved;
          notify("save", {state: "end"});
        } else {
          showProblems(String(data.error || strings.network_error).split("\n"));
          statusBox.textContent = strings.not_saved;
          notify("error", {title: strings.not_saved, message: data.error || ""});
        }
      });
    }, function () {
      statusBox.textContent = strings.network_error;
      notify("error", {title: strings.network_error, message: ""});
    });
  });

  root.querySelector(".jit-quiz-studio__cancel").addEventListener("click", function () {
    notify("cancel", {});
  });
}
