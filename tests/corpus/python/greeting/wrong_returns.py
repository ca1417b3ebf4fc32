DEFAULT_LANGUAGE = "fr"
TEMPLATES = {"fr": "Bonjour, {} !", "en": "Hello, {}!", "ar": "مرحبا، {}!"}


def greet(name, language=None):
    # returns the text and prints it without the newline
    text = TEMPLATES[language or DEFAULT_LANGUAGE].format(name)
    print(text, end="")
    return text


def banner(text, width):
    print("\n".join(["*" * width, "*" + text.center(width - 2) + "*", "*" * width]))


def interactive():
    name = input("Nom : ")
    language = input("Langue : ")
    greet(name, language)
    print()
