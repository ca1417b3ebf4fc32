class AccountError(ValueError):
    """Something the account cannot do in its current state."""


class BankAccount:
    def __init__(self):
        self._balance = None

    def _check_open(self):
        if self._balance is None:
            raise AccountError("account not open")

    def get_balance(self):
        self._check_open()
        return self._balance

    def open(self):
        if self._balance is not None:
            raise AccountError("account already open")
        self._balance = 0

    def deposit(self, amount):
        self._check_open()
        if amount <= 0:
            raise AccountError("amount must be greater than 0")
        self._balance += amount

    def withdraw(self, amount):
        self._check_open()
        if amount <= 0:
            raise AccountError("amount must be greater than 0")
        if amount > self._balance:
            raise AccountError("amount must be less than balance")
        self._balance -= amount

    def close(self):
        self._check_open()
        self._balance = None
