def season(month):
    pass


def convert(celsius):
    pass


def old_convert(celsius):
    pass


def averages(rows):
    pass


def stats(values):
    pass
