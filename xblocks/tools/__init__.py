"""Author tools behind `jobintech validate` and `jobintech export` (see docs/authors/validating-a-course.md)."""
