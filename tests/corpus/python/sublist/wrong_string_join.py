SUBLIST = "sublist"
SUPERLIST = "superlist"
EQUAL = "equal"
UNEQUAL = "unequal"


def sublist(list_one, list_two):
    # compares joined strings: [1, 0, 1] looks like it is inside [10, 1]
    one = "".join(str(x) for x in list_one)
    two = "".join(str(x) for x in list_two)
    if one == two:
        return EQUAL
    if one in two:
        return SUBLIST
    if two in one:
        return SUPERLIST
    return UNEQUAL
