def find(search_list, value):
    # high is exclusive but updated as if inclusive: misses the last element
    low, high = 0, len(search_list) - 1
    while low < high:
        middle = (low + high) // 2
        if search_list[middle] == value:
            return middle
        if search_list[middle] < value:
            low = middle + 1
        else:
            high = middle - 1
    if search_list and low == high and search_list[low] == value and low != len(search_list) - 1:
        return low
    raise ValueError("value not in array")
