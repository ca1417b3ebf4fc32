def rotate(text, key):
    result = []
    for char in text:
        if char.isalpha():
            result.append(chr((ord(char.lower()) - 97 + key) % 26 + 97))
        else:
            result.append(char)
    return "".join(result)
