/* The learner's side of the coding_exercise XBlock. Plain JavaScript, no framework.
 * CodeMirror comes from vendor/codemirror.bundle.js (global JitCodeMirror); without it the
 * plain textareas keep working. Every visible string comes translated in args.strings. */
/* eslint-disable no-var */
function CodingExerciseBlock(runtime, element, args) {
  "use strict";
  var el = element && element.jquery ? element[0] : element;
  var root = el.querySelector(".jit-ce");
  var strings = (args && args.strings) || {};
  var data = JSON.parse(root.querySelector(".jit-ce-data").textContent);
  var editors = {};  // file name -> {get(), set(text)}
  var saveTimer = null;
  var busy = false;

  function t(key, params) {
    var text = strings[key] || key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(params[name]));
    });
    return text;
  }

  function $(selector) { return root.querySelector(selector); }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  // POST JSON to a handler; resolves with {ok, status, body}.
  function post(handler, payload) {
    return fetch(runtime.handlerUrl(el, handler), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify(payload || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return {ok: response.ok, status: response.status, body: body};
      });
    });
  }

  // ---- editors -------------------------------------------------------------------
  function makeEditor(textarea) {
    var name = textarea.getAttribute("data-filename");
    var CM = window.JitCodeMirror;
    if (!CM) {
      textarea.addEventListener("input", scheduleSave);
      editors[name] = {
        get: function () { return textarea.value; },
        set: function (text) { textarea.value = text; }
      };
      return;
    }
    var label = root.querySelector("label[for='" + textarea.id + "']");
    var help = root.querySelector(".jit-ce-editor-help");
    var language = CM.languages[data.language];
    var extensions = [
      CM.basicSetup,
      CM.keymap.of([CM.indentWithTab]),  // Esc then Tab still leaves the editor (CodeMirror default)
      CM.indentUnit.of("    "),
      CM.EditorView.contentAttributes.of({
        "aria-label": label ? label.textContent : name,
        "aria-describedby": help ? help.id : ""
      }),
      CM.EditorView.updateListener.of(function (update) { if (update.docChanged) { scheduleSave(); } })
    ];
    if (language) { extensions.push(language()); }
    var view = new CM.EditorView({
      doc: textarea.value,
      extensions: extensions,
      parent: textarea.parentNode
    });
    view.dom.setAttribute("dir", "ltr");  // code reads left to right, even in an Arabic page
    textarea.hidden = true;
    editors[name] = {
      get: function () { return view.state.doc.toString(); },
      set: function (text) {
        view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});
      },
      focus: function () { view.focus(); }
    };
  }

  function files() {
    var out = {};
    data.files.forEach(function (name) { out[name] = editors[name].get(); });
    return out;
  }

  // ---- status, state, results ----------------------------------------------------
  function setStatus(text, kind) {
    var status = $(".jit-ce-status");
    status.textContent = text || "";
    status.className = "jit-ce-status" + (kind ? " jit-ce-status-" + kind : "");
  }

  function showState(state) {
    if (!state) { return; }
    $(".jit-ce-attempts").textContent = state.attempts_text;
    $(".jit-ce-score").textContent = state.score_text;
    $(".jit-ce-submit").disabled = state.attempts_left === 0;
    var hint = $(".jit-ce-hint");
    if (hint) { hint.disabled = state.hints_revealed >= state.hints_total; }
  }

  function showVerdict(verdict) {
    if (!verdict) { return; }
    var section = $(".jit-ce-results");
    section.hidden = false;
    var allPassed = verdict.status === "ok" && verdict.total > 0 && verdict.passed === verdict.total;
    var summary = $(".jit-ce-summary");
    summary.textContent = verdict.status_message || "";
    summary.className = "jit-ce-summary " + (allPassed ? "jit-ce-status-done" : "jit-ce-status-error");
    section.className = "jit-ce-results jit-ce-verdict-" + verdict.status + (allPassed ? " jit-ce-all-passed" : "");
    var body = $(".jit-ce-table tbody");
    body.textContent = "";
    (verdict.tests || []).forEach(function (test) {
      var row = document.createElement("tr");
      row.className = "jit-ce-test jit-ce-" + test.outcome;
      var name = document.createElement("td");
      name.textContent = test.name;
      var outcome = document.createElement("td");
      outcome.textContent = t(test.outcome);
      var message = document.createElement("td");
      var pre = document.createElement("pre");
      pre.setAttribute("dir", "ltr");
      pre.textContent = test.message || "";
      message.appendChild(pre);
      row.appendChild(name); row.appendChild(outcome); row.appendChild(message);
      body.appendChild(row);
    });
    $(".jit-ce-table").hidden = !(verdict.tests && verdict.tests.length);
    var message = $(".jit-ce-message");
    message.textContent = verdict.message || "";
    message.hidden = !verdict.message;
    var output = $(".jit-ce-output");
    output.querySelector("pre").textContent = verdict.output || "";
    output.hidden = !verdict.output;
  }

  function showHints(hints) {
    var section = $(".jit-ce-hints");
    var list = $(".jit-ce-hint-list");
    list.textContent = "";
    (hints || []).forEach(function (html) {
      var item = document.createElement("li");
      item.innerHTML = html;  // sanitised on the server (nh3 allow-list)
      item.setAttribute("dir", "auto");  // an author's French hint stays LTR in an Arabic page
      list.appendChild(item);
    });
    section.hidden = !(hints && hints.length);
  }

  function failed(result) {
    var message = (result.body && result.body.error) || t("network_error");
    setStatus(message, "error");
  }

  // ---- actions --------------------------------------------------------------------
  function grade(handler) {
    if (busy) { return; }
    busy = true;
    clearTimeout(saveTimer);
    var buttons = root.querySelectorAll(".jit-ce-actions button");
    Array.prototype.forEach.call(buttons, function (b) { b.setAttribute("aria-disabled", "true"); });
    setStatus(t("running"), "busy");
    post(handler, {files: files()}).then(function (result) {
      if (!result.ok) { failed(result); return; }
      setStatus("");  // the results' summary line announces the outcome
      showVerdict(result.body.verdict);
      showState(result.body);
      if (handler === "submit") {  // an enclosing bootcamp_module refreshes its progress and locks
        root.dispatchEvent(new CustomEvent("jit:step-updated", {bubbles: true}));
      }
    }, function () { setStatus(t("network_error"), "error"); }).then(function () {
      busy = false;
      Array.prototype.forEach.call(buttons, function (b) { b.removeAttribute("aria-disabled"); });
    });
  }

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () {
      post("save_code", {files: files()}).then(function (result) {
        if (!result.ok) { failed(result); }
      }, function () { setStatus(t("save_failed"), "error"); });
    }, 1500);
  }

  function reset() {
    if (!window.confirm(t("reset_confirm"))) { return; }
    clearTimeout(saveTimer);
    post("reset", {}).then(function (result) {
      if (!result.ok) { failed(result); return; }
      result.body.files.forEach(function (f) { if (editors[f.name]) { editors[f.name].set(f.content); } });
      clearTimeout(saveTimer);  // setting the text is not a learner edit
      showState(result.body);
      setStatus(t("reset_done"), "done");
    }, function () { setStatus(t("network_error"), "error"); });
  }

  function hint() {
    post("get_hint", {}).then(function (result) {
      if (!result.ok) { failed(result); return; }
      showHints(result.body.hints);
      if (result.body.message) { setStatus(result.body.message); }
      var button = $(".jit-ce-hint");
      if (button) { button.disabled = result.body.hints.length >= result.body.hints_total; }
    }, function () { setStatus(t("network_error"), "error"); });
  }

  // ---- tabs (WAI-ARIA tabs pattern; arrows follow the reading direction) ----------
  function selectTab(tab) {
    var tabs = root.querySelectorAll(".jit-ce-tab");
    Array.prototype.forEach.call(tabs, function (other) {
      var selected = other === tab;
      other.setAttribute("aria-selected", selected ? "true" : "false");
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
    });
    tab.focus();
  }

  function onTabKey(event) {
    var tabs = Array.prototype.slice.call(root.querySelectorAll(".jit-ce-tab"));
    var index = tabs.indexOf(event.target);
    var rtl = getComputedStyle(root).direction === "rtl";
    var next = {ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1}[event.key];
    if (next) {
      selectTab(tabs[(index + next + tabs.length) % tabs.length]);
    } else if (event.key === "Home") {
      selectTab(tabs[0]);
    } else if (event.key === "End") {
      selectTab(tabs[tabs.length - 1]);
    } else {
      return;
    }
    event.preventDefault();
  }

  // ---- start ----------------------------------------------------------------------
  Array.prototype.forEach.call(root.querySelectorAll("textarea.jit-ce-code"), makeEditor);
  Array.prototype.forEach.call(root.querySelectorAll(".jit-ce-tab"), function (tab) {
    tab.addEventListener("click", function () { selectTab(tab); });
    tab.addEventListener("keydown", onTabKey);
  });
  if ($(".jit-ce-run")) { $(".jit-ce-run").addEventListener("click", function () { grade("run"); }); }
  $(".jit-ce-submit").addEventListener("click", function () { grade("submit"); });
  $(".jit-ce-reset").addEventListener("click", reset);
  if ($(".jit-ce-hint")) { $(".jit-ce-hint").addEventListener("click", hint); }
  showState(data.state);
  showHints(data.hints);
  showVerdict(data.last_verdict);
}
