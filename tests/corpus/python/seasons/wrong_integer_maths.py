import warnings


def season(month):
    # no range check: month 13 is "mi-saison"
    if month in (12, 1, 2):
        return "hiver"
    if month in (6, 7, 8):
        return "été"
    return "mi-saison"


def convert(celsius):
    return celsius * 9 // 5 + 32


def old_convert(celsius):
    warnings.warn("utilisez convert", DeprecationWarning)
    return convert(celsius)


def averages(rows):
    return [sum(row) // len(row) for row in rows]


def stats(values):
    return {"min": min(values), "mean": round(sum(values) / len(values))}
