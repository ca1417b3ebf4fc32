DEFAULT_LANGUAGE = "fr"
TEMPLATES = {"fr": "Bonjour, {} !", "en": "Hello, {}!", "ar": "مرحبا، {}!"}


def greet(name, language=DEFAULT_LANGUAGE):
    # the default is read once, when the function is defined
    print(TEMPLATES.get(language, TEMPLATES["fr"]).format(name))


def banner(text, width):
    print("*" * width)
    print("* " + text.center(width - 4) + " *")
    print("*" * width)


def interactive():
    greet(input("Nom : "))
