import unittest

from matrix import Matrix


class MatrixTest(unittest.TestCase):
    def test_extract_row_from_one_number_matrix(self):
        self.assertEqual(Matrix("1").row(1), [1])

    def test_can_extract_row(self):
        self.assertEqual(Matrix("1 2\n3 4").row(2), [3, 4])

    def test_extract_row_where_numbers_have_different_widths(self):
        self.assertEqual(Matrix("1 2\n10 20").row(2), [10, 20])

    def test_can_extract_row_from_non_square_matrix_with_no_corresponding_column(self):
        self.assertEqual(Matrix("1 2 3\n4 5 6\n7 8 9\n8 7 6").row(4), [8, 7, 6])

    def test_extract_column_from_one_number_matrix(self):
        self.assertEqual(Matrix("1").column(1), [1])

    def test_can_extract_column(self):
        self.assertEqual(Matrix("1 2 3\n4 5 6\n7 8 9").column(3), [3, 6, 9])

    def test_can_extract_column_from_non_square_matrix_with_no_corresponding_row(self):
        self.assertEqual(Matrix("1 2 3 4\n5 6 7 8\n9 8 7 6").column(4), [4, 8, 6])

    def test_extract_column_where_numbers_have_different_widths(self):
        self.assertEqual(Matrix("89 1903 3\n18 3 1\n9 4 800").column(2), [1903, 3, 4])

    def test_rows_and_columns_are_lists_of_ints(self):
        matrix = Matrix("1 2\n3 4")
        self.assertIsInstance(matrix.row(1), list)
        self.assertEqual([type(x) for x in matrix.column(1)], [int, int])

    def test_changing_a_returned_row_does_not_change_the_matrix(self):
        matrix = Matrix("1 2\n3 4")
        row = matrix.row(1)
        row.append(99)
        row[0] = 0
        self.assertEqual(matrix.row(1), [1, 2])

    def test_row_out_of_range(self):
        with self.assertRaises(IndexError):
            Matrix("1 2\n3 4").row(3)
