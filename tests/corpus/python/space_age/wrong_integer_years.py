import math


class SpaceAge:
    # a day-based year: a little off; on_earth rounds to an int when exact
    def __init__(self, seconds):
        self.seconds = seconds

    def on_earth(self):
        years = round(self.seconds / (365 * 24 * 3600), 2)
        return int(years) if years == int(years) else years

    def on_mercury(self):
        return round(self.seconds / 31557600 / 0.2408467, 2)

    def on_venus(self):
        return round(self.seconds / 31557600 / 0.61519726, 2)

    def on_mars(self):
        return round(self.seconds / 31557600 / 1.8808158, 1)

    def on_jupiter(self):
        return round(self.seconds / 31557600 / 11.862615, 2)

    def on_neptune(self):
        return round(self.seconds / 31557600 / 164.79132, 2)


def circle_area(radius):
    return round(math.pi * radius ** 2, 3)


def mean(values):
    return sum(values) / len(values) if values else 0.0
