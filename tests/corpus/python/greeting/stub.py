DEFAULT_LANGUAGE = "fr"


def greet(name, language=None):
    pass


def banner(text, width):
    pass


def interactive():
    pass
