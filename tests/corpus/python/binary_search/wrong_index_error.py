def find(search_list, value):
    # list.index: right answers, but the wrong error message (and it is a linear search)
    return list(search_list).index(value)
