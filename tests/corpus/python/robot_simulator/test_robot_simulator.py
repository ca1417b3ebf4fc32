import unittest

from robot_simulator import EAST, NORTH, SOUTH, WEST, Robot


class RobotSimulatorCreateTest(unittest.TestCase):
    def test_at_origin_facing_north(self):
        robot = Robot(NORTH, 0, 0)
        self.assertEqual(robot.coordinates, (0, 0))
        self.assertEqual(robot.direction, NORTH)

    def test_at_negative_position_facing_south(self):
        robot = Robot(SOUTH, -1, -1)
        self.assertEqual(robot.coordinates, (-1, -1))
        self.assertEqual(robot.direction, SOUTH)

    def test_defaults(self):
        robot = Robot()
        self.assertEqual((robot.direction, robot.coordinates), (NORTH, (0, 0)))


class RobotSimulatorMoveTest(unittest.TestCase):
    def test_changes_north_to_east(self):
        robot = Robot(NORTH, 0, 0)
        robot.move("R")
        self.assertEqual(robot.coordinates, (0, 0))
        self.assertEqual(robot.direction, EAST)

    def test_changes_west_to_north(self):
        robot = Robot(WEST, 0, 0)
        robot.move("R")
        self.assertEqual(robot.direction, NORTH)

    def test_changes_north_to_west_turning_left(self):
        robot = Robot(NORTH, 0, 0)
        robot.move("L")
        self.assertEqual(robot.direction, WEST)

    def test_changes_east_to_north_turning_left(self):
        robot = Robot(EAST, 0, 0)
        robot.move("L")
        self.assertEqual(robot.direction, NORTH)

    def test_facing_north_increments_y(self):
        robot = Robot(NORTH, 0, 0)
        robot.move("A")
        self.assertEqual(robot.coordinates, (0, 1))

    def test_facing_west_decrements_x(self):
        robot = Robot(WEST, 0, 0)
        robot.move("A")
        self.assertEqual(robot.coordinates, (-1, 0))

    def test_moving_east_and_north_from_readme(self):
        robot = Robot(NORTH, 7, 3)
        robot.move("RAALAL")
        self.assertEqual(robot.coordinates, (9, 4))
        self.assertEqual(robot.direction, WEST)

    def test_moving_west_and_south(self):
        robot = Robot(EAST, 2, -7)
        robot.move("RRAAAAALA")
        self.assertEqual(robot.coordinates, (-3, -8))
        self.assertEqual(robot.direction, SOUTH)

    def test_coordinates_are_a_tuple(self):
        robot = Robot(NORTH, 1, 2)
        self.assertIsInstance(robot.coordinates, tuple)
        x, y = robot.coordinates
        self.assertEqual(x + y, 3)

    def test_move_returns_none(self):
        self.assertIsNone(Robot().move("A"))

    def test_unknown_instruction(self):
        with self.assertRaises(ValueError) as err:
            Robot().move("AX")
        self.assertEqual(err.exception.args[0], "unknown instruction 'X'")

    def test_each_turn_sequence(self):
        for instructions, direction in [("R", EAST), ("RR", SOUTH), ("RRR", WEST), ("RRRR", NORTH),
                                        ("LL", SOUTH), ("LRL", WEST)]:
            with self.subTest(instructions=instructions):
                robot = Robot()
                robot.move(instructions)
                self.assertEqual(robot.direction, direction)
