SUBLIST, SUPERLIST, EQUAL, UNEQUAL = range(4)


def sublist(list_one, list_two):
    # set inclusion ignores order and contiguity
    if list_one == list_two:
        return EQUAL
    if set(list_one) <= set(list_two):
        return SUBLIST
    if set(list_one) >= set(list_two):
        return SUPERLIST
    return UNEQUAL
