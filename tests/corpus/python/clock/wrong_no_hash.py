class Clock:
    # defines __eq__ without __hash__: instances are unhashable; repr shows the padded string
    def __init__(self, hour, minute):
        total = (hour * 60 + minute) % 1440
        self.hour, self.minute = divmod(total, 60)

    def __repr__(self):
        return f"Clock({self.hour:02d}, {self.minute:02d})"

    def __str__(self):
        return "%02d:%02d" % (self.hour, self.minute)

    def __eq__(self, other):
        return str(self) == str(other)

    def __add__(self, minutes):
        return Clock(self.hour, self.minute + minutes)

    def __sub__(self, minutes):
        return Clock(self.hour, self.minute - minutes)
