import math


class SpaceAge:
    # no rounding: 31.68808781402895 is not 31.69
    def __init__(self, seconds):
        self.seconds = seconds
        self.years = seconds / 31557600

    def on_earth(self):
        return self.years

    def on_mercury(self):
        return self.years / 0.2408467

    def on_venus(self):
        return self.years / 0.61519726

    def on_mars(self):
        return self.years / 1.8808158

    def on_jupiter(self):
        return self.years / 11.862615

    def on_neptune(self):
        return self.years / 164.79132


def circle_area(radius):
    return 3.14159 * radius * radius


def mean(values):
    return sum(values) / len(values)
