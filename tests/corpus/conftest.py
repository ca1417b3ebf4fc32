"""The exercise folders hold learner solutions and exercise tests (test_*.py, *.test.js) that only
make sense inside the grader or a bare run of their own folder: pytest must not collect them."""
collect_ignore_glob = ["python/*", "javascript/*"]
