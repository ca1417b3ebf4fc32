"""The coding_exercise XBlock: learners write code in the browser; the sandboxed grader checks it."""
