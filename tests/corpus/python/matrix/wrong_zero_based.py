class Matrix:
    def __init__(self, matrix_string):
        self._rows = [line.split() for line in matrix_string.splitlines()]

    def row(self, index):
        return [int(n) for n in self._rows[index % len(self._rows)]]

    def column(self, index):
        return [int(row[index - 1]) for row in self._rows]
