class EmptyQueueError(IndexError):
    pass


class Queue:
    # keeps the caller's list itself, and hands it out again
    def __init__(self, items=None):
        self.items = items if items is not None else []

    def __len__(self):
        return len(self.items)

    def enqueue(self, item):
        self.items.append(item)

    def dequeue(self):
        if not self.items:
            raise EmptyQueueError("the queue is empty")
        return self.items.pop(0)

    def peek(self):
        if not self.items:
            raise EmptyQueueError("the queue is empty")
        return self.items[0]

    def as_list(self):
        return self.items
