class Node:
    def __init__(self, value, succeeding=None, previous=None):
        self.value = value
        self.succeeding = succeeding
        self.previous = previous


class LinkedList:
    def __init__(self):
        self.head = self.tail = None
        self.size = 0

    def push(self, value):
        node = Node(value, previous=self.tail)
        if self.tail is None:
            self.head = node
        else:
            self.tail.succeeding = node
        self.tail = node
        self.size += 1

    def unshift(self, value):
        node = Node(value, succeeding=self.head)
        if self.head is None:
            self.tail = node
        else:
            self.head.previous = node
        self.head = node
        self.size += 1

    def _unlink(self, node):
        if node.previous is None:
            self.head = node.succeeding
        else:
            node.previous.succeeding = node.succeeding
        if node.succeeding is None:
            self.tail = node.previous
        else:
            node.succeeding.previous = node.previous
        self.size -= 1
        return node.value

    def pop(self):
        if self.tail is None:
            raise IndexError("List is empty")
        return self._unlink(self.tail)

    def shift(self):
        if self.head is None:
            raise IndexError("List is empty")
        return self._unlink(self.head)

    def delete(self, value):
        node = self.head
        while node is not None:
            if node.value == value:
                self._unlink(node)
                return
            node = node.succeeding
        raise ValueError("Value not found")

    def __len__(self):
        return self.size

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.succeeding

    def __reversed__(self):
        node = self.tail
        while node is not None:
            yield node.value
            node = node.previous
