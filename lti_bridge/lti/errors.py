"""The one exception of the LTI package: a refusal that a person can read.

Protocol modules stay free of Django's translation machinery: they raise LtiError with an
English message id (marked for extraction with gettext_noop) and its parameters; the views
translate the id in the learner's language and fill in the parameters. `str(error)` is the
English text, for logs and the CLI.
"""


def gettext_noop(message):
    """Marks *message* for xgettext (keyword gettext_noop) without translating it here."""
    return message


class LtiError(Exception):
    """A launch, login, registration or service call that we refuse, and why.

    status is the HTTP status the view answers with: 400 for a malformed or invalid message,
    401/403 for credentials or tenants, 404 for unknown objects, 502 when the platform failed.
    """

    def __init__(self, message, status=400, **params):
        self.message = message
        self.params = params
        self.status = status
        super().__init__(self.english())

    def english(self):
        try:
            return self.message % self.params if self.params else self.message
        except (KeyError, TypeError, ValueError):
            return self.message

    def translated(self, gettext):
        """The message in the active language; *gettext* is django.utils.translation.gettext."""
        text = gettext(self.message)
        try:
            return text % self.params if self.params else text
        except (KeyError, TypeError, ValueError):  # a broken translation must not hide the reason
            return self.english()
