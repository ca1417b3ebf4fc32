DEFAULT_LANGUAGE = "fr"
TEMPLATES = {"fr": "Bonjour, {} !", "en": "Hello, {}!", "ar": "مرحبا، {}!"}


def greet(name, language=None):
    print(TEMPLATES[language or DEFAULT_LANGUAGE].format(name))


def banner(text, width):
    print("*" * width)
    print("*" + text.center(width - 2) + "*")
    print("*" * width)


def interactive():
    name = input("Nom : ")
    language = input("Langue : ")
    greet(name, language)
