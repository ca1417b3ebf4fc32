import unittest

from ticket_queue import EmptyQueueError, Queue


class QueueTest(unittest.TestCase):
    def test_new_queue_is_empty(self):
        self.assertEqual(len(Queue()), 0)

    def test_starts_with_the_given_items(self):
        queue = Queue([1, 2, 3])
        self.assertEqual(queue.peek(), 1)
        self.assertEqual(len(queue), 3)

    def test_first_in_first_out(self):
        queue = Queue()
        queue.enqueue("a")
        queue.enqueue("b")
        self.assertEqual(queue.dequeue(), "a")
        self.assertEqual(queue.dequeue(), "b")

    def test_dequeue_from_empty_queue(self):
        with self.assertRaises(EmptyQueueError) as err:
            Queue().dequeue()
        self.assertEqual(str(err.exception), "the queue is empty")

    def test_empty_queue_error_is_an_index_error(self):
        with self.assertRaises(IndexError):
            Queue().peek()

    def test_queue_does_not_share_the_list_it_was_given(self):
        items = [1, 2, 3]
        queue = Queue(items)
        queue.dequeue()
        queue.enqueue(4)
        self.assertEqual(items, [1, 2, 3])

    def test_queue_is_not_changed_by_the_list_it_was_given(self):
        items = [1, 2]
        queue = Queue(items)
        items.append(3)
        self.assertEqual(len(queue), 2)

    def test_as_list(self):
        queue = Queue([5, 6])
        queue.enqueue(7)
        self.assertEqual(queue.as_list(), [5, 6, 7])

    def test_as_list_is_a_copy(self):
        queue = Queue([5, 6])
        snapshot = queue.as_list()
        snapshot.clear()
        self.assertEqual(len(queue), 2)

    def test_two_queues_are_independent(self):
        first, second = Queue(), Queue()
        first.enqueue(1)
        self.assertEqual((len(first), len(second)), (1, 0))
