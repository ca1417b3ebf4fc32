// What the coding_exercise block needs from CodeMirror 6, exposed as the global JitCodeMirror.
// Built into xblocks/coding_exercise/static/js/vendor/codemirror.bundle.js by `npm run build`.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Compartment } from "@codemirror/state";
import { indentUnit } from "@codemirror/language";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { javascript } from "@codemirror/lang-javascript";
import { sql } from "@codemirror/lang-sql";

// One entry per language of grader.exercise.LANGUAGES.
const languages = {
  python: () => python(),
  javascript: () => javascript(),
  sql: () => sql(),
};

export {
  EditorView, EditorState, Compartment, basicSetup, keymap, indentUnit, indentWithTab,
  python, javascript, sql, languages,
};
