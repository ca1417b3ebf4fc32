NORTH, EAST, SOUTH, WEST = range(4)
_STEPS = {NORTH: (0, 1), EAST: (1, 0), SOUTH: (0, -1), WEST: (-1, 0)}


class Robot:
    def __init__(self, direction=NORTH, x_pos=0, y_pos=0):
        self.direction = direction
        self.coordinates = (x_pos, y_pos)

    def move(self, instructions):
        for instruction in instructions:
            if instruction == "R":
                self.direction = (self.direction + 1) % 4
            elif instruction == "L":
                self.direction = (self.direction - 1) % 4
            elif instruction == "A":
                dx, dy = _STEPS[self.direction]
                x, y = self.coordinates
                self.coordinates = (x + dx, y + dy)
            else:
                raise ValueError(f"unknown instruction {instruction!r}")
