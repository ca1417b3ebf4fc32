/* Shared by the suite's blocks (lesson, quiz): POST a JSON body to one of the block's handlers.
   Each block's fragment adds this file before its own script. Resolves with the handler's JSON
   answer; rejects with an Error whose message is the handler's `error` text, or networkError
   (the block's translated "network" sentence) when the server cannot be reached. */
function JitPostJson(runtime, element, handler, body, networkError) {
  "use strict";
  var node = element.jquery ? element[0] : element;
  var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return fetch(runtime.handlerUrl(node, handler), {
    method: "POST",
    credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : ""},
    body: JSON.stringify(body)
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (data) {
      if (!response.ok) { throw new Error(data.error || networkError); }
      return data;
    });
  }, function () { throw new Error(networkError); });
}
