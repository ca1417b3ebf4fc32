"""Logging across the two sandboxes (ADR 1): in a plain run, learner code and tests share one
`logging` module, so `assertLogs` and pytest's `caplog` in a test see what the learner's code
logs. Here T sends the logger levels it changed since it started and whether it has handlers
(a capture is on); L applies those levels on top of its own and, while T has handlers, sends
each record its loggers let through for T to handle again, where the test's handler sees it.
Otherwise L's logging works alone, as before (last-resort output on the learner's stderr).
`logging` is imported only once a test or learner code has imported it (it would add to every
fork of the zygotes). Standard library only (runs in both sandboxes).
"""
import sys

MAX_RECORDS = 1000
MAX_TEXT = 4000
DEFAULT_ROOT_LEVEL = 30  # logging.WARNING


def tests_state():
    """In T: logger levels that differ from logging's defaults, and whether any logger has a
    handler; None while nothing has imported logging."""
    logging = sys.modules.get("logging")
    if logging is None:
        return None
    levels = {"": logging.root.level} if logging.root.level != DEFAULT_ROOT_LEVEL else {}
    capture = bool(logging.root.handlers)
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger):
            if logger.level != logging.NOTSET:
                levels[name] = logger.level
            capture = capture or bool(logger.handlers)
    return {"levels": levels, "capture": capture}


def rehandle(items):
    """In T: handle the records L sent, through T's loggers and handlers."""
    if not items:
        return
    import logging
    for item in items[:MAX_RECORDS]:
        if type(item) is not dict or type(item.get("name")) is not str \
                or type(item.get("levelno")) is not int:
            continue
        fields = {key: item[key] for key in ("name", "levelno", "levelname", "msg", "pathname",
                                             "filename", "module", "lineno", "funcName",
                                             "exc_text", "stack_info", "created")
                  if type(item.get(key)) in (str, int, float)}
        record = logging.makeLogRecord(dict(fields, args=None))
        logger = logging.getLogger(record.name) if record.name != "root" else logging.root
        logger.handle(record)


def _forwarder(logging, sink):
    class Forward(logging.Handler):
        def emit(self, record):
            if len(sink) >= MAX_RECORDS:
                return
            try:
                message = record.getMessage()
            except Exception:  # a bad format in learner code: logging would report it too
                message = str(record.msg)
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            sink.append({
                "name": record.name, "levelno": record.levelno, "levelname": record.levelname,
                "msg": message[:MAX_TEXT], "pathname": str(record.pathname),
                "filename": str(record.filename), "module": str(record.module),
                "lineno": int(record.lineno or 0), "funcName": str(record.funcName),
                "exc_text": (record.exc_text or "")[:MAX_TEXT] or None,
                "stack_info": (record.stack_info or "")[:MAX_TEXT] or None,
                "created": float(record.created)})

    return Forward()


class LearnerLogging:
    """In L: T's level changes over the learner code's own, and records to send back."""

    def __init__(self):
        self.records = []
        self.own = {}  # logger name -> its level before T's change
        self.forward = None

    def apply(self, state):
        if type(state) is not dict:
            return
        import logging
        if self.forward is None:
            self.forward = _forwarder(logging, self.records)
        levels = state.get("levels")
        levels = {k: v for k, v in levels.items() if type(k) is str and type(v) is int} \
            if type(levels) is dict else {}
        for name in set(self.own) - set(levels):  # no longer changed by the test: ours again
            self._logger(logging, name).setLevel(self.own.pop(name))
        for name, level in levels.items():
            logger = self._logger(logging, name)
            self.own.setdefault(name, logger.level)
            logger.setLevel(level)
        if state.get("capture") is True:
            if self.forward not in logging.root.handlers:
                logging.root.addHandler(self.forward)
        else:
            logging.root.removeHandler(self.forward)

    @staticmethod
    def _logger(logging, name):
        return logging.root if name == "" else logging.getLogger(name)

    def take(self):
        records = self.records[:]
        self.records.clear()
        return records
