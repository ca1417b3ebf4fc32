/* The XBlock JavaScript runtime of the JobInTech bridge (runtime version 1, as in Open edX).
 *
 * Each rendered block is wrapped in <div class="xblock" data-usage-id data-init
 * data-handler-prefix data-handler-token>; this script calls the block's init function
 * `init(runtime, element, args)` once the page is loaded, children before parents so that a
 * parent can reach its children's objects through runtime.children(element).
 * Handler URLs carry the signed token of the page (no cookie or CSRF header needed).
 */
(function () {
  "use strict";

  function blockOf(element) {
    return element.closest(".xblock");
  }

  function handlerUrl(element, handlerName, suffix, query) {
    var block = blockOf(element);
    var url = block.dataset.handlerPrefix + encodeURIComponent(handlerName);
    if (suffix) {
      url += "/" + String(suffix).replace(/^\/+/, "");
    }
    url += "?auth=" + encodeURIComponent(block.dataset.handlerToken);
    if (query) {
      url += "&" + String(query).replace(/^[?&]+/, "");
    }
    return url;
  }

  function childElements(element) {
    var block = blockOf(element);
    return Array.prototype.filter.call(block.querySelectorAll(".xblock"), function (candidate) {
      return candidate.parentElement && blockOf(candidate.parentElement) === block;
    });
  }

  var runtime = {
    handlerUrl: handlerUrl,
    children: function (element) {
      return childElements(element).map(function (child) { return child.xblockInstance; });
    },
    childMap: function (element, name) {
      var found = childElements(element).filter(function (child) { return child.dataset.name === name; });
      return found.length ? found[0].xblockInstance : undefined;
    },
    notify: function (name, data) {
      document.dispatchEvent(new CustomEvent("xblock:" + name, { detail: data }));
    },
    localize: function (text) { return text; }
  };

  function initArgs(element) {
    var script = Array.prototype.filter.call(element.children, function (child) {
      return child.classList.contains("xblock-json-init-args");
    })[0];
    if (!script) {
      return undefined;
    }
    try {
      return JSON.parse(script.textContent);
    } catch (error) {
      console.error("xblock " + element.dataset.usageId + ": bad init arguments", error);
      return undefined;
    }
  }

  function initializeBlocks(root) {
    var elements = Array.prototype.slice.call((root || document).querySelectorAll(".xblock[data-init]"));
    if (root && root.matches && root.matches(".xblock[data-init]")) {
      elements.unshift(root);
    }
    elements.reverse().forEach(function (element) {
      if (element.xblockInstance !== undefined || element.dataset.initialized) {
        return;
      }
      element.dataset.initialized = "true";
      var init = window[element.dataset.init];
      if (typeof init !== "function") {
        console.error("xblock " + element.dataset.usageId + ": init function " + element.dataset.init + " not found");
        return;
      }
      try {
        element.xblockInstance = init(runtime, element, initArgs(element)) || {};
      } catch (error) {
        console.error("xblock " + element.dataset.usageId + ": init failed", error);
      }
    });
  }

  window.JobInTechRuntime = runtime;
  if (!window.XBlock) {
    window.XBlock = { initializeBlocks: initializeBlocks, runtime: runtime };
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { initializeBlocks(document); });
  } else {
    initializeBlocks(document);
  }
})();
