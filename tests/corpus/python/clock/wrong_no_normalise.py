class Clock:
    # keeps hour and minute as given: no roll-over, and __eq__ compares raw fields
    def __init__(self, hour, minute):
        self.hour = hour % 24
        self.minute = minute

    def __repr__(self):
        return f"Clock({self.hour}, {self.minute})"

    def __str__(self):
        return f"{self.hour:02d}:{self.minute:02d}"

    def __eq__(self, other):
        return (self.hour, self.minute) == (other.hour, other.minute)

    def __hash__(self):
        return hash((self.hour, self.minute))

    def __add__(self, minutes):
        self.minute += minutes
        return self

    def __sub__(self, minutes):
        self.minute -= minutes
        return self
