class Clock:
    def __init__(self, hour, minute):
        self._minutes = (hour * 60 + minute) % (24 * 60)

    @property
    def hour(self):
        return self._minutes // 60

    @property
    def minute(self):
        return self._minutes % 60

    def __repr__(self):
        return f"Clock({self.hour}, {self.minute})"

    def __str__(self):
        return f"{self.hour:02d}:{self.minute:02d}"

    def __eq__(self, other):
        if not isinstance(other, Clock):
            return NotImplemented
        return self._minutes == other._minutes

    def __hash__(self):
        return hash(self._minutes)

    def __add__(self, minutes):
        return Clock(0, self._minutes + minutes)

    def __sub__(self, minutes):
        return Clock(0, self._minutes - minutes)
