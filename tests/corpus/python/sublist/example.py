SUBLIST = 1
SUPERLIST = 2
EQUAL = 3
UNEQUAL = 4


def _contains(big, small):
    if not small:
        return True
    first = small[0]
    size = len(small)
    for start in range(len(big) - size + 1):
        if big[start] == first and big[start:start + size] == small:
            return True
    return False


def sublist(list_one, list_two):
    if list_one == list_two:
        return EQUAL
    if _contains(list_two, list_one):
        return SUBLIST
    if _contains(list_one, list_two):
        return SUPERLIST
    return UNEQUAL
