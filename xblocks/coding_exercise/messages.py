"""Every learner- and author-facing string of the block, in English (the gettext source).

UI strings are translated once per render and handed both to the HTML template and, as a dict,
to the JavaScript (which therefore needs no catalog of its own).
"""
from __future__ import annotations

from xblocks.common.i18n import N_  # noqa: F401 (runner_text.py imports it from here)


# key -> English text. Placeholders in braces are filled in by Python or by the JS.
UI = {
    "editor_label": N_("Code editor for {filename}"),
    "files_label": N_("Your files"),
    "editor_help": N_("Tab indents. To leave the editor with the keyboard, press Esc then Tab."),
    "tests_tab_label": N_("Visible tests"),
    "read_only": N_("read-only"),
    "run": N_("Run"),
    "run_help": N_("Run the visible tests. Free: it does not use an attempt and is not graded."),
    "submit": N_("Submit"),
    "submit_help": N_("Run every test, hidden ones included. Graded: it uses an attempt."),
    "reset": N_("Reset"),
    "reset_confirm": N_("Replace your code with the starter code? Your changes will be lost."),
    "hint": N_("Show a hint"),
    "no_more_hints": N_("No more hints."),
    "hints_heading": N_("Hints"),
    "hint_number": N_("Hint {number}"),
    "results_heading": N_("Results"),
    "output_heading": N_("What your code printed"),
    "attempts_left": N_("Attempts left: {count}"),
    "attempts_unlimited": N_("Unlimited attempts"),
    "score": N_("Score: {earned} / {possible}"),
    "not_submitted": N_("Not submitted yet"),
    "passed": N_("Passed"),
    "failed": N_("Failed"),
    "error": N_("Error"),
    "running": N_("Running the tests…"),
    "save_failed": N_("Your code could not be saved. Check your connection."),
    "network_error": N_("The server could not be reached. Check your connection and try again."),
    "reset_done": N_("Your code was reset to the starter code."),
    "prompt_heading": N_("Exercise"),
    "test_name": N_("Test"),
    "test_outcome": N_("Result"),
    "test_message": N_("Details"),
    "language_label": N_("Language: {language}"),
}

# Verdict status -> what the learner is told. {limit} is the relevant limit.
STATUS = {
    "all_passed": N_("All tests passed. Well done!"),
    "some_passed": N_("{passed} of {total} tests passed."),
    "timeout": N_("Your code took too long (time limit: {limit} s). Look for an endless loop or a "
                  "slow algorithm."),
    "memory": N_("Your code used too much memory (limit: {limit} MiB)."),
    "output_limit": N_("Your code printed too much output (limit: {limit} KiB). Remove the extra "
                       "print calls."),
    "crash": N_("Your code stopped before the tests could finish. Read the details below."),
    "error": N_("The grader could not run your code. This is not your fault: try again in a "
                "moment; no attempt was used."),
}

HIDDEN_TEST = N_("Hidden test {number}")
HIDDEN_REDACTED = N_("[hidden]")

ERRORS = {
    "no_attempts": N_("You have used all {count} attempts for this exercise."),
    "bad_files": N_("The request must send your files as an object mapping each file name to its code."),
    "unknown_file": N_("The file {filename} is not part of this exercise: submit only {expected}."),
    "missing_file": N_("The file {filename} is missing from your submission."),
    "bad_submission": N_("Your submission was refused: {reason}"),
    "no_visible_tests": N_("This exercise has no visible tests: use Submit to check your code."),
    "not_ready": N_("This exercise is not ready yet: its author must fix it in Studio ({reason})."),
}

# Studio validation. {field} is never translated: it names the form field.
VALIDATION = {
    "display_name": N_("Give the exercise a name."),
    "language": N_("Unknown language {language}: choose one of {choices}."),
    "no_tests": N_("Add at least one test file."),
    "no_visible_tests": N_("No visible test: learners cannot use Run, only Submit."),
    "no_starter": N_("Add at least one starter file: it is the file learners edit."),
    "solution_names": N_("The solution files ({solution}) must have the same names as the starter "
                         "files ({starter})."),
    "no_solution": N_("No reference solution: add one so you can check that your tests pass on it."),
    "file_name": N_("The file name {filename} is not allowed: use letters, digits, '_', '-', '.' and "
                    "'/' between folders."),
    "duplicate_name": N_("Two files are named {filename}."),
    "test_shadows_starter": N_("The test file {filename} has the same name as a starter file."),
    "not_a_number": N_("{label} must be a number."),
    "not_positive": N_("{label} must be greater than zero."),
    "too_large": N_("{label} must be at most {maximum}."),
    "negative": N_("{label} cannot be negative."),
    "wall_below_cpu": N_("The wall-clock limit must be at least the CPU time limit."),
    "no_prompt": N_("The prompt is empty: tell learners what to write."),
    "empty_hint": N_("Hint {number} is empty."),
    "bad_skill": N_("The skill tag {skill} contains a space or is too long."),
    "invalid": N_("The exercise was not saved: fix the fields marked below."),
    "bad_test_file": N_("The test file {filename} is not valid: {reason}"),
    "sql_one_file": N_("A SQL exercise has exactly one starter file, ending in .sql."),
}

# Labels of the Studio form fields (also used in messages above).
FIELD_LABELS = {
    "display_name": N_("Display name"),
    "language": N_("Language"),
    "weight": N_("Weight"),
    "max_attempts": N_("Maximum attempts (0 = unlimited)"),
    "cpu_seconds": N_("CPU time limit (seconds)"),
    "wall_seconds": N_("Wall-clock limit (seconds)"),
    "memory_mb": N_("Memory limit (MiB)"),
    "skills": N_("Skills (tags separated by spaces)"),
    "prompt": N_("Prompt (Markdown)"),
    "hints": N_("Hints (Markdown, one per box)"),
    "starter": N_("Starter files"),
    "solution": N_("Reference solution (never shown to learners)"),
    "tests": N_("Test files"),
    "hidden": N_("Hidden (Submit only; learners see pass/fail)"),
    "file_name": N_("File name"),
    "file_content": N_("Content of {filename}"),
    "add_file": N_("Add a file"),
    "remove_file": N_("Remove"),
    "add_hint": N_("Add a hint"),
    "save": N_("Save"),
    "check_solution": N_("Check the reference solution"),
    "checking": N_("Checking the reference solution against every test…"),
    "solution_passes": N_("The reference solution passes all {total} tests."),
    "solution_fails": N_("The reference solution passes {passed} of {total} tests: fix the solution "
                         "or the tests. {details}"),
    "cancel": N_("Cancel"),
    "saved": N_("Saved."),
}

FIELD_HELP = {
    "display_name": N_("Shown to learners as the title of the exercise."),
    "weight": N_("How much this exercise counts in the gradebook."),
    "tests": N_("Visible tests run on Run and Submit; hidden tests only on Submit."),
}
