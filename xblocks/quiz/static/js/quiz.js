/* Quiz front-end: collects answers, posts them to the `submit` handler, shows results.
   The page never holds correct answers unless the server sent `solutions` (show_answer rules). */
function JitQuizBlock(runtime, element, args) {
  "use strict";
  var root = element.jquery ? element[0] : element;
  var form = root.querySelector(".jit-quiz__form");
  var submitButton = root.querySelector(".jit-quiz__submit");
  var statusBox = root.querySelector(".jit-quiz__status");
  var attemptsBox = root.querySelector(".jit-quiz__attempts");
  var strings = args.strings || {};

  function postJson(handler, body) {  // xblocks/common/static/js/post_json.js
    return JitPostJson(runtime, root, handler, body, strings.network_error);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  function collectAnswers() {
    var answers = {};
    root.querySelectorAll(".jit-quiz__question").forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-question");
      var type = fieldset.getAttribute("data-type");
      if (type === "single") {
        var checked = fieldset.querySelector("input:checked");
        if (checked) { answers[id] = parseInt(checked.value, 10); }
      } else if (type === "multiple") {
        var picked = [];
        fieldset.querySelectorAll("input:checked").forEach(function (box) { picked.push(parseInt(box.value, 10)); });
        if (picked.length) { answers[id] = picked; }
      } else {
        var input = fieldset.querySelector("input");
        if (input && input.value.trim() !== "") { answers[id] = input.value; }
      }
    });
    return answers;
  }

  function setText(node, text) { if (node) { node.textContent = text || ""; } }

  function render(state) {
    var results = state.results || {};
    var solutions = state.solutions || {};
    root.querySelectorAll(".jit-quiz__question").forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-question");
      var result = results[id];
      var solution = solutions[id];
      var box = fieldset.querySelector(".jit-quiz__feedback");
      fieldset.classList.remove("is-correct", "is-partial", "is-incorrect");
      box.textContent = "";
      if (result) {
        var verdict = document.createElement("p");
        verdict.className = "jit-quiz__verdict";
        if (!result.answered) {
          verdict.textContent = strings.unanswered;
          fieldset.classList.add("is-incorrect");
        } else if (result.correct) {
          verdict.textContent = strings.correct;
          fieldset.classList.add("is-correct");
        } else if (result.earned > 0) {
          verdict.textContent = format(strings.partial, {earned: result.earned_text, points: result.points_text});
          fieldset.classList.add("is-partial");
        } else {
          verdict.textContent = strings.incorrect;
          fieldset.classList.add("is-incorrect");
        }
        box.appendChild(verdict);
        // Once answers are shown, every option carries its own feedback: no need to repeat it here.
        var shownOnOptions = solution && solution.options;
        (shownOnOptions ? [] : result.feedback || []).forEach(function (text) {
          var p = document.createElement("p");
          p.className = "jit-quiz__option-comment";
          p.dir = "auto";
          p.textContent = text;
          box.appendChild(p);
        });
      }
      fieldset.querySelectorAll(".jit-quiz__option").forEach(function (li) {
        li.classList.remove("is-solution");
        setText(li.querySelector(".jit-quiz__option-feedback"), "");
      });
      if (solution) {
        if (solution.options) {
          fieldset.querySelectorAll(".jit-quiz__option").forEach(function (li) {
            var index = parseInt(li.getAttribute("data-index"), 10);
            if (solution.options.indexOf(index) !== -1) { li.classList.add("is-solution"); }
            setText(li.querySelector(".jit-quiz__option-feedback"), (solution.feedback || [])[index]);
          });
        } else if (solution.answers) {
          var p = document.createElement("p");
          p.className = "jit-quiz__solution";
          p.textContent = strings.solution + " " + solution.answers.join(" / ");
          box.appendChild(p);
        }
      }
    });
    submitButton.disabled = !state.can_submit;
    setText(attemptsBox, state.attempts_text);
    setText(statusBox, state.status);
    form.querySelectorAll("input").forEach(function (input) { input.disabled = !state.can_submit; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitButton.disabled = true;
    setText(statusBox, strings.submitting);
    postJson("submit", {answers: collectAnswers()}).then(function (state) {
      render(state);
      root.dispatchEvent(new CustomEvent("jit:step-updated", {bubbles: true, detail: {score: state.score}}));
    }, function (error) {
      setText(statusBox, error.message);
      submitButton.disabled = false;
    });
  });

  render(args.state || {});
}
