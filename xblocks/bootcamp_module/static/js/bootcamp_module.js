/* Module front-end: when a step reports progress, ask the server for locks and summary, update
   the progress bar and summary, and offer to show steps that just unlocked.
   A step reports progress with the event "jit:step-updated" (the suite's lesson and quiz send it).
   Steps that do not send it (third-party blocks, or blocks that only update their own page) are
   covered too: any completed request to one of a step's handlers triggers the same refresh, seen
   through the browser's resource timing (no patching of fetch or XMLHttpRequest). */
function JitBootcampModuleBlock(runtime, element) {
  "use strict";
  var host = element.jquery ? element[0] : element;
  var root = host.querySelector(".jit-module");
  // Settings come from the module's own JSON script, not init args (see views.py).
  var args = JSON.parse(root.querySelector(":scope > .jit-module__config").textContent);
  var strings = args.strings || {};
  var lockedAtRender = args.locked || [];
  var pending = null;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function setText(selector, text) {
    root.querySelectorAll(selector).forEach(function (node) { node.textContent = text || ""; });
  }

  function update(data) {
    var bar = root.querySelector(".jit-module__bar");
    bar.setAttribute("aria-valuenow", data.progress_percent);
    bar.setAttribute("aria-valuetext", data.progress_text);
    root.querySelector(".jit-module__bar-fill").style.inlineSize = data.progress_percent + "%";
    setText(".jit-module__progress-text, .jit-module__summary-progress", data.progress_text);
    setText(".jit-module__summary-score", data.score_text);
    setText(".jit-module__summary-complete", data.complete_text);
    (data.skills || []).forEach(function (skill) {
      root.querySelectorAll(".jit-module__skill").forEach(function (li) {
        if (li.getAttribute("data-skill") !== skill.name) { return; }
        li.classList.toggle("is-mastered", skill.mastered);
        li.querySelector(".jit-module__skill-state").textContent = skill.state;
      });
    });
    (data.steps || []).forEach(function (step) {
      root.querySelectorAll(".jit-module__step").forEach(function (li) {
        if (li.getAttribute("data-step") !== step.usage_id) { return; }
        li.classList.toggle("is-done", step.done);
        var badge = li.querySelector(":scope > .jit-module__step-header > .jit-module__badge");
        if (step.done && !badge) {
          // The page's own <template> holds the translated badge.
          badge = root.querySelector(":scope > .jit-module__badge-template").content.firstElementChild.cloneNode(true);
          li.querySelector(":scope > .jit-module__step-header").appendChild(badge);
        } else if (!step.done && badge) {
          badge.remove();
        }
      });
    });
    var unlocked = lockedAtRender.filter(function (id) { return (data.locked || []).indexOf(id) === -1; });
    if (unlocked.length) {
      // Locked steps were never sent to the browser: reload to fetch their content.
      var notice = root.querySelector(".jit-module__notice");
      notice.textContent = strings.unlocked + " ";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "jit-module__reload";
      button.textContent = strings.open;
      button.addEventListener("click", function () {
        // Land on the first step that opened, not where the page was scrolled before.
        if ("scrollRestoration" in window.history) { window.history.scrollRestoration = "manual"; }
        window.location.hash = "jit-step-" + unlocked[0];
        window.location.reload();
      });
      notice.appendChild(button);
      notice.hidden = false;
    }
  }

  function refresh() {
    pending = null;
    fetch(runtime.handlerUrl(host, "progress"), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: "{}"
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) { if (data) { update(data); } }, function () { /* offline: keep the page */ });
  }

  function scheduleRefresh() {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(refresh, 200);  // several steps may report at once
  }

  root.addEventListener("jit:step-updated", scheduleRefresh);

  // Back from "Show it": bring the step that just opened into view. The browser's own jump to
  // the #anchor happens before the steps' editors are built and the page grows, so do it now
  // (steps are initialised before their module).
  var anchored = window.location.hash.indexOf("#jit-step-") === 0 &&
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  if (anchored && root.contains(anchored)) {
    window.requestAnimationFrame(function () { anchored.scrollIntoView({block: "start"}); });
  }

  // Handler URL prefixes of the steps shown (locked steps are not in the page).
  var stepPrefixes = [];
  root.querySelectorAll(".jit-module__step-body > .xblock").forEach(function (step) {
    try {
      stepPrefixes.push(runtime.handlerUrl(step, "__jit_step__").split("__jit_step__")[0]);
    } catch (error) { /* a runtime that cannot build URLs for it: the event still works */ }
  });
  if (stepPrefixes.length && typeof PerformanceObserver === "function") {
    var observer = new PerformanceObserver(function (list) {
      var calledStep = list.getEntries().some(function (entry) {
        if (entry.initiatorType !== "fetch" && entry.initiatorType !== "xmlhttprequest") { return false; }
        return stepPrefixes.some(function (prefix) { return entry.name.indexOf(prefix) !== -1; });
      });
      if (calledStep) { scheduleRefresh(); }
    });
    try {
      observer.observe({type: "resource"});
    } catch (error) { /* old browsers: the event still works */ }
  }
}
