from string import ascii_lowercase, ascii_uppercase


def rotate(text, key):
    shift = key % 26
    table = str.maketrans(ascii_lowercase + ascii_uppercase,
                          ascii_lowercase[shift:] + ascii_lowercase[:shift]
                          + ascii_uppercase[shift:] + ascii_uppercase[:shift])
    return text.translate(table)
