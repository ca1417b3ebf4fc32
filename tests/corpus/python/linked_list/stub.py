class Node:
    def __init__(self, value, succeeding=None, previous=None):
        pass


class LinkedList:
    def __init__(self):
        pass

    def push(self, value):
        pass

    def pop(self):
        pass

    def shift(self):
        pass

    def unshift(self, value):
        pass

    def delete(self, value):
        pass
