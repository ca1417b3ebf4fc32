def rotate(text, key):
    # forgets to wrap around the alphabet
    result = ""
    for char in text:
        result += chr(ord(char) + key) if char.isalpha() else char
    return result
