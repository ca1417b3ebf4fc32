class LinkedList:
    # a Python list inside; empty pops raise the list's own messages
    def __init__(self):
        self.items = []

    def push(self, value):
        self.items.append(value)

    def pop(self):
        return self.items.pop()

    def shift(self):
        return self.items.pop(0)

    def unshift(self, value):
        self.items.insert(0, value)

    def delete(self, value):
        self.items.remove(value)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __reversed__(self):
        return reversed(self.items)
