def response(hey_bob):
    # forgets to strip: trailing spaces hide the question mark, blanks are not silence
    if hey_bob == "":
        return "Fine. Be that way!"
    if hey_bob.endswith("?") and hey_bob.isupper():
        return "Calm down, I know what I'm doing!"
    if hey_bob.isupper():
        return "Whoa, chill out!"
    if hey_bob.endswith("?"):
        return "Sure."
    return "Whatever."
