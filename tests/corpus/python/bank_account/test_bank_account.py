import unittest

from bank_account import AccountError, BankAccount


class BankAccountTest(unittest.TestCase):
    def test_newly_opened_account_has_zero_balance(self):
        account = BankAccount()
        account.open()
        self.assertEqual(account.get_balance(), 0)

    def test_single_deposit(self):
        account = BankAccount()
        account.open()
        account.deposit(100)
        self.assertEqual(account.get_balance(), 100)

    def test_multiple_deposits(self):
        account = BankAccount()
        account.open()
        account.deposit(100)
        account.deposit(50)
        self.assertEqual(account.get_balance(), 150)

    def test_withdraw_once(self):
        account = BankAccount()
        account.open()
        account.deposit(100)
        account.withdraw(75)
        self.assertEqual(account.get_balance(), 25)

    def test_can_withdraw_everything(self):
        account = BankAccount()
        account.open()
        account.deposit(100)
        account.withdraw(100)
        self.assertEqual(account.get_balance(), 0)

    def test_can_reopen_a_closed_account_with_zero_balance(self):
        account = BankAccount()
        account.open()
        account.deposit(50)
        account.close()
        account.open()
        self.assertEqual(account.get_balance(), 0)

    def test_cannot_check_balance_of_closed_account(self):
        account = BankAccount()
        account.open()
        account.close()
        with self.assertRaises(ValueError) as err:
            account.get_balance()
        self.assertIsInstance(err.exception, ValueError)
        self.assertEqual(err.exception.args[0], "account not open")

    def test_cannot_deposit_into_closed_account(self):
        account = BankAccount()
        with self.assertRaises(ValueError) as err:
            account.deposit(50)
        self.assertEqual(err.exception.args[0], "account not open")

    def test_cannot_withdraw_more_than_deposited(self):
        account = BankAccount()
        account.open()
        account.deposit(25)
        with self.assertRaises(AccountError) as err:
            account.withdraw(50)
        self.assertEqual(err.exception.args[0], "amount must be less than balance")
        self.assertEqual(account.get_balance(), 25)

    def test_overdraft_error_is_a_value_error(self):
        account = BankAccount()
        account.open()
        with self.assertRaises(ValueError):
            account.withdraw(1)

    def test_cannot_open_an_already_opened_account(self):
        account = BankAccount()
        account.open()
        with self.assertRaisesRegex(ValueError, "account already open"):
            account.open()

    def test_cannot_deposit_negative(self):
        account = BankAccount()
        account.open()
        with self.assertRaises(ValueError) as err:
            account.deposit(-50)
        self.assertEqual(err.exception.args[0], "amount must be greater than 0")

    def test_accounts_are_independent(self):
        first, second = BankAccount(), BankAccount()
        first.open()
        second.open()
        first.deposit(10)
        self.assertEqual((first.get_balance(), second.get_balance()), (10, 0))

    def test_error_can_be_caught_as_account_error(self):
        account = BankAccount()
        try:
            account.close()
        except AccountError as error:
            self.assertIn("not open", str(error))
        else:
            self.fail("closing an unopened account must raise AccountError")
