NORTH, EAST, SOUTH, WEST = "N", "E", "S", "W"
_RIGHT = {NORTH: EAST, EAST: SOUTH, SOUTH: WEST, WEST: NORTH}
_LEFT = {v: k for k, v in _RIGHT.items()}


class Robot:
    # coordinates as a list: equal values, wrong type
    def __init__(self, direction=NORTH, x_pos=0, y_pos=0):
        self.direction = direction
        self.coordinates = [x_pos, y_pos]

    def move(self, instructions):
        for instruction in instructions:
            if instruction == "R":
                self.direction = _RIGHT[self.direction]
            elif instruction == "L":
                self.direction = _LEFT[self.direction]
            elif instruction == "A":
                if self.direction == NORTH:
                    self.coordinates[1] += 1
                elif self.direction == SOUTH:
                    self.coordinates[1] -= 1
                elif self.direction == EAST:
                    self.coordinates[0] += 1
                else:
                    self.coordinates[0] -= 1
