class AccountError(Exception):
    """Not a ValueError: tests that expect ValueError see an unexpected exception."""


class BankAccount:
    balance = 0        # class attribute: shared by every account
    is_open = False

    def get_balance(self):
        if not self.is_open:
            raise AccountError("account not open")
        return BankAccount.balance

    def open(self):
        if self.is_open:
            raise AccountError("account already open")
        self.is_open = True
        BankAccount.balance = 0

    def deposit(self, amount):
        if not self.is_open:
            raise AccountError("account not open")
        if amount <= 0:
            raise AccountError("amount must be greater than 0")
        BankAccount.balance += amount

    def withdraw(self, amount):
        if not self.is_open:
            raise AccountError("account not open")
        if amount > BankAccount.balance:
            raise AccountError("amount must be less than balance")
        BankAccount.balance -= amount

    def close(self):
        if not self.is_open:
            raise AccountError("account not open")
        self.is_open = False
