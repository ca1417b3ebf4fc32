class EmptyQueueError(IndexError):
    pass


class Queue:
    def __init__(self, items=()):
        pass

    def __len__(self):
        pass

    def enqueue(self, item):
        pass

    def dequeue(self):
        pass

    def peek(self):
        pass

    def as_list(self):
        pass
