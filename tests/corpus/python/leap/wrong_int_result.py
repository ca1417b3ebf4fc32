def leap_year(year):
    # 0/1 instead of False/True: equal to them, but not the same objects
    if year % 400 == 0:
        return 1
    if year % 100 == 0:
        return 0
    return int(year % 4 == 0)
