class EmptyQueueError(Exception):
    pass


class Queue:
    # a mutable default argument: every Queue() shares one list
    def __init__(self, items=[]):
        self.items = items

    def __len__(self):
        return len(self.items)

    def enqueue(self, item):
        self.items.append(item)

    def dequeue(self):
        if not self.items:
            raise EmptyQueueError("the queue is empty")
        return self.items.pop(0)

    def peek(self):
        return self.items[0]

    def as_list(self):
        return list(self.items)
