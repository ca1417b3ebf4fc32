class SpaceAge:
    def __init__(self, seconds):
        pass


def circle_area(radius):
    pass


def mean(values):
    pass
