"""Warnings across the two sandboxes (ADR 1): in a plain run, learner code and tests share one
`warnings` module, so `pytest.warns` / `assertWarns` in a test see what the learner's code
warns. Here T sends its filters (as far as they name built-in categories) and whether it is
recording warnings; L applies the filters, and while T records, sends each warning back for T
to issue again, where the test's recorder sees it. Otherwise L shows warnings itself, on the
learner's stderr, as a plain run would. Standard library only (runs in both sandboxes).
"""
import builtins
import re
import warnings

_SHOW = warnings.showwarning
_SHOW_IMPL = warnings._showwarnmsg_impl


def _category_name(category):
    for cls in getattr(category, "__mro__", ()):
        if getattr(builtins, cls.__name__, None) is cls and issubclass(cls, Warning):
            return cls.__name__
    return "UserWarning"


def _category(name):
    cls = getattr(builtins, name, None) if type(name) is str else None
    return cls if isinstance(cls, type) and issubclass(cls, Warning) else None


def tests_state():
    """In T: the filters and whether a recorder (catch_warnings(record=True)) is active."""
    filters = []
    for action, message, category, module, lineno in warnings.filters:
        if _category(category.__name__) is category:  # patterns: compiled, or str, or None
            filters.append([action, getattr(message, "pattern", message) or "",
                            category.__name__, getattr(module, "pattern", module) or "", lineno])
    recording = warnings.showwarning is not _SHOW or warnings._showwarnmsg_impl is not _SHOW_IMPL
    return {"filters": filters, "record": recording}


def reissue(items):
    """In T: issue the warnings L sent, under T's own filters and recorders."""
    for item in items:
        if type(item) is not list or len(item) != 4:
            continue
        name, text, filename, lineno = item
        if type(text) is str and type(filename) is str and type(lineno) is int:
            warnings.warn_explicit(text, _category(name) or UserWarning, filename, lineno)


class LearnerWarnings:
    """In L: T's filters, and the warnings to send back while T records."""

    def __init__(self):
        self.recording = False
        self.sent = []
        warnings.showwarning = self._show

    def apply(self, state):
        if type(state) is not dict:
            return
        self.recording = state.get("record") is True
        filters = []
        for entry in state.get("filters") or ():
            try:
                action, message, name, module, lineno = entry
                category = _category(name)
                if category is None or action not in ("default", "error", "ignore", "always",
                                                      "module", "once"):
                    continue
                filters.append((action, re.compile(message, re.I) if message else None,
                                category, re.compile(module) if module else None, int(lineno)))
            except (TypeError, ValueError, re.error):
                continue
        warnings.filters[:] = filters
        warnings._filters_mutated()

    def _show(self, message, category, filename, lineno, file=None, line=None):
        if not self.recording:
            return _SHOW(message, category, filename, lineno, file, line)
        if len(self.sent) < 100:
            self.sent.append([_category_name(category), str(message)[:2000], str(filename),
                              int(lineno)])

    def take(self):
        sent, self.sent = self.sent, []
        return sent
