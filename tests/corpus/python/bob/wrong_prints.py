def response(hey_bob):
    # prints the answer instead of returning it
    said = hey_bob.strip()
    if not said:
        print("Fine. Be that way!")
    elif said.endswith("?"):
        print("Sure.")
    elif said.isupper():
        print("Whoa, chill out!")
    else:
        print("Whatever.")
