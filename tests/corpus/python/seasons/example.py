import warnings

_SEASONS = {12: "hiver", 1: "hiver", 2: "hiver", 6: "été", 7: "été", 8: "été"}


def season(month):
    if not 1 <= month <= 12:
        raise ValueError(f"mois invalide : {month} (1-12)")
    return _SEASONS.get(month, "mi-saison")


def convert(celsius):
    return celsius * 9 / 5 + 32


def old_convert(celsius):
    warnings.warn("old_convert est obsolète : utilisez convert", DeprecationWarning, stacklevel=2)
    return convert(celsius)


def averages(rows):
    return [sum(row) / len(row) for row in rows]


def stats(values):
    return {"min": min(values), "mean": sum(values) / len(values)}
