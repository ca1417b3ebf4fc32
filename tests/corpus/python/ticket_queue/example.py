from collections import deque


class EmptyQueueError(IndexError):
    """The queue has nothing to give."""


class Queue:
    def __init__(self, items=()):
        self._items = deque(items)

    def __len__(self):
        return len(self._items)

    def enqueue(self, item):
        self._items.append(item)

    def dequeue(self):
        if not self._items:
            raise EmptyQueueError("the queue is empty")
        return self._items.popleft()

    def peek(self):
        if not self._items:
            raise EmptyQueueError("the queue is empty")
        return self._items[0]

    def as_list(self):
        return list(self._items)
