/* Lesson front-end: "try it" runner and completion.
   The lesson counts as read when its end scrolls into view (or on "Mark as done").
   CodeMirror is used when the page already has it (window.JitCodeMirror, shipped by the
   coding_exercise block); otherwise the plain textarea works, with Tab indenting. */
function JitLessonBlock(runtime, element, args) {
  "use strict";
  var root = (element.jquery ? element[0] : element).querySelector(".jit-lesson");
  var strings = args.strings || {};
  var completed = !!args.completed;

  function postJson(handler, body) {  // xblocks/common/static/js/post_json.js
    return JitPostJson(runtime, element, handler, body, strings.network_error);
  }

  // ---- completion -------------------------------------------------------------------
  var doneButton = root.querySelector(".jit-lesson__done");

  function markDone() {
    if (completed) { return; }
    completed = true;
    postJson("mark_done", {}).then(function () {
      doneButton.disabled = true;
      doneButton.textContent = "\u2713 " + strings.done;
      root.dispatchEvent(new CustomEvent("jit:step-updated", {bubbles: true, detail: {completed: true}}));
    }, function () { completed = false; });
  }

  doneButton.addEventListener("click", markDone);
  if (!completed && "IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.disconnect(); markDone(); }
      });
    });
    observer.observe(root.querySelector(".jit-lesson__end"));
  }

  // ---- try it -------------------------------------------------------------------------
  var section = root.querySelector(".jit-lesson__try-it");
  if (!section) { return; }
  var textarea = section.querySelector(".jit-lesson__editor");
  var original = args.try_it || "";
  var runButton = section.querySelector(".jit-lesson__run");
  var message = section.querySelector(".jit-lesson__message");
  var outputTitle = section.querySelector(".jit-lesson__output-title");
  var output = section.querySelector(".jit-lesson__output");
  var editor = plainEditor(textarea);

  function plainEditor(area) {
    area.addEventListener("keydown", function (event) {
      if (event.key !== "Tab" || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) { return; }
      event.preventDefault();  // Tab indents; Esc then Tab leaves the editor (keyboard users)
      var start = area.selectionStart;
      area.setRangeText("    ", start, area.selectionEnd, "end");
    });
    area.addEventListener("keyup", function (event) { if (event.key === "Escape") { area.blur(); } });
    return {get: function () { return area.value; }, set: function (text) { area.value = text; }};
  }

  var CM = window.JitCodeMirror;
  if (CM && CM.EditorView) {
    var language = CM.languages && CM.languages[args.language];
    var extensions = [CM.basicSetup, CM.EditorView.contentAttributes.of(
      {"aria-label": section.querySelector(".jit-lesson__editor-label").textContent})];
    if (language) { extensions.push(language()); }
    var view = new CM.EditorView({doc: textarea.value, extensions: extensions});
    // In place of the textarea: above the Run button, not after the output.
    textarea.parentNode.insertBefore(view.dom, textarea.nextSibling);
    view.dom.setAttribute("dir", "ltr");
    textarea.hidden = true;
    editor = {
      get: function () { return view.state.doc.toString(); },
      set: function (text) { view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}}); }
    };
  }

  section.querySelector(".jit-lesson__reset").addEventListener("click", function () {
    editor.set(original);
    message.textContent = "";
    output.hidden = outputTitle.hidden = true;
  });

  runButton.addEventListener("click", function () {
    runButton.disabled = true;
    message.textContent = strings.running;
    postJson("run", {code: editor.get()}).then(function (result) {
      message.textContent = result.message || "";
      section.setAttribute("data-status", result.status);
      output.textContent = result.output || (result.status === "ok" ? strings.no_output : "");
      output.hidden = outputTitle.hidden = !output.textContent;
    }, function (error) {
      message.textContent = error.message;
    }).then(function () { runButton.disabled = false; });
  });
}
