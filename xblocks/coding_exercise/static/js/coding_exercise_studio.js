/* Studio editor of the coding_exercise XBlock: every field, files and tests edited as code.
 * The server checks everything (studio_submit) and answers with one message per field. */
/* eslint-disable no-var */
function CodingExerciseStudio(runtime, element, args) {
  "use strict";
  var el = element && element.jquery ? element[0] : element;
  var root = el.querySelector(".jit-ce-studio");
  var form = root.querySelector("form");
  var strings = (args && args.strings) || {};
  var data = JSON.parse(root.querySelector(".jit-ce-studio-data").textContent);
  var counter = 0;

  function t(key, params) {
    var text = strings[key] || key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(params[name]));
    });
    return text;
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function notify(name, payload) {
    if (runtime && typeof runtime.notify === "function") { runtime.notify(name, payload); }
  }

  // A code box: CodeMirror when the bundle is there, else the textarea itself.
  function codeBox(textarea, language) {
    var CM = window.JitCodeMirror;
    if (!CM) { return function () { return textarea.value; }; }
    var extensions = [CM.basicSetup, CM.keymap.of([CM.indentWithTab]),
      CM.EditorView.contentAttributes.of({"aria-label": textarea.getAttribute("aria-label") || ""})];
    if (language && CM.languages[language]) { extensions.push(CM.languages[language]()); }
    var view = new CM.EditorView({doc: textarea.value, extensions: extensions, parent: textarea.parentNode});
    view.dom.setAttribute("dir", "ltr");
    textarea.hidden = true;
    return function () { return view.state.doc.toString(); };
  }

  function addFile(group, file) {
    counter += 1;
    var box = document.createElement("div");
    box.className = "jit-ce-file";
    var head = document.createElement("div");
    head.className = "jit-ce-file-head";
    var nameId = "jit-ce-file-name-" + counter;
    var nameLabel = document.createElement("label");
    nameLabel.setAttribute("for", nameId);
    nameLabel.textContent = t("file_name");
    var name = document.createElement("input");
    name.type = "text"; name.id = nameId; name.className = "jit-ce-file-name"; name.dir = "ltr";
    name.value = file.name || "";
    head.appendChild(nameLabel); head.appendChild(name);
    var hidden = null;
    if (group === "tests") {
      var hiddenLabel = document.createElement("label");
      hidden = document.createElement("input");
      hidden.type = "checkbox"; hidden.className = "jit-ce-file-hidden"; hidden.checked = !!file.hidden;
      hiddenLabel.appendChild(hidden);
      hiddenLabel.appendChild(document.createTextNode(" " + t("hidden")));
      head.appendChild(hiddenLabel);
    }
    var remove = document.createElement("button");
    remove.type = "button"; remove.textContent = t("remove_file");
    head.appendChild(remove);
    var area = document.createElement("textarea");
    area.value = file.content || "";
    area.setAttribute("aria-label", t("file_content", {filename: file.name || ""}));
    box.appendChild(head);
    var holder = document.createElement("div");
    holder.appendChild(area);
    box.appendChild(holder);
    root.querySelector("[data-group='" + group + "'] .jit-ce-files").appendChild(box);
    var language = group === "tests" && data.language === "sql" ? null : data.language;
    var content = codeBox(area, language);
    box.readFile = function () {
      var entry = {name: name.value.trim(), content: content()};
      if (hidden) { entry.hidden = hidden.checked; }
      return entry;
    };
    remove.addEventListener("click", function () { box.parentNode.removeChild(box); });
  }

  function addHint(text) {
    counter += 1;
    var area = document.createElement("textarea");
    area.className = "jit-ce-hint-text"; area.rows = 3; area.dir = "auto"; area.value = text || "";
    area.setAttribute("aria-label", t("hints"));
    root.querySelector(".jit-ce-hint-boxes").appendChild(area);
  }

  function collect() {
    var out = {
      display_name: form.display_name.value,
      language: form.language.value,
      weight: form.weight.value,
      max_attempts: form.max_attempts.value,
      skills: form.skills.value,
      prompt: form.prompt.value,
      limits: {},
      hints: []
    };
    Array.prototype.forEach.call(form.querySelectorAll("[data-limit]"), function (input) {
      out.limits[input.name] = input.value;
    });
    ["starter", "solution", "tests"].forEach(function (group) {
      out[group] = Array.prototype.map.call(
        root.querySelectorAll("[data-group='" + group + "'] .jit-ce-file"), function (box) { return box.readFile(); });
    });
    Array.prototype.forEach.call(root.querySelectorAll(".jit-ce-hint-text"), function (area) {
      if (area.value.trim()) { out.hints.push(area.value); }
    });
    return out;
  }

  function showErrors(errors) {
    Array.prototype.forEach.call(root.querySelectorAll(".jit-ce-field-error"), function (p) {
      p.hidden = true; p.textContent = "";
    });
    var list = root.querySelector(".jit-ce-problems");
    list.textContent = "";
    (errors || []).forEach(function (error) {
      var target = root.querySelector(".jit-ce-field-error[data-field='" + error.field + "']");
      if (target) {
        target.textContent = (target.textContent ? target.textContent + " " : "") + error.message;
        target.hidden = false;
      }
      var item = document.createElement("li");
      item.className = error.severity || "error";
      item.textContent = error.message;
      list.appendChild(item);
    });
  }

  function post(handler, payload) {
    return fetch(runtime.handlerUrl(el, handler), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return {ok: response.ok, body: body};
      });
    });
  }

  // Grade the solution as it is in the form (nothing is saved) and list each test's outcome.
  function checkSolution() {
    var box = root.querySelector(".jit-ce-check-result");
    var summary = root.querySelector(".jit-ce-check-summary");
    var list = root.querySelector(".jit-ce-check-tests");
    box.hidden = false;
    list.textContent = "";
    summary.textContent = t("checking");
    post("check_solution", collect()).then(function (result) {
      if (!result.ok) {
        showErrors(result.body.errors || []);
        summary.textContent = result.body.error || "";
        return;
      }
      summary.textContent = result.body.summary;
      (result.body.verdict.tests || []).forEach(function (test) {
        var item = document.createElement("li");
        item.className = test.outcome === "passed" ? "warning-free" : "error";
        item.textContent = test.name + " : " + t(test.outcome) + (test.message ? " — " + test.message : "");
        list.appendChild(item);
      });
    }, function (error) { summary.textContent = String(error); });
  }

  function save(event) {
    event.preventDefault();
    var status = root.querySelector(".jit-ce-studio-status");
    notify("save", {state: "start"});
    post("studio_submit", collect()).then(function (result) {
      var body = result.body;
      if (result.ok) {
        showErrors((body.warnings || []).map(function (w) { w.severity = "warning"; return w; }));
        status.textContent = t("saved");
        notify("save", {state: "end"});
      } else {
        showErrors(body.errors || []);
        status.textContent = body.error || "";
        notify("error", {title: t("save"), message: body.error || ""});
      }
    }, function (error) {
      status.textContent = String(error);
      notify("error", {title: t("save"), message: String(error)});
    });
  }

  ["starter", "solution", "tests"].forEach(function (group) {
    (data[group] || []).forEach(function (file) { addFile(group, file); });
    root.querySelector("[data-group='" + group + "'] .jit-ce-add-file").addEventListener("click", function () {
      addFile(group, {name: "", content: "", hidden: false});
    });
  });
  (data.hints || []).forEach(addHint);
  root.querySelector(".jit-ce-add-hint").addEventListener("click", function () { addHint(""); });
  form.addEventListener("submit", save);
  root.querySelector(".jit-ce-check").addEventListener("click", checkSolution);
  root.querySelector(".jit-ce-cancel").addEventListener("click", function () { notify("cancel", {}); });
}
