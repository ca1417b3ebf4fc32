// throws plain Errors, keeps the balance on reopen
class ValueError extends Error {}

class BankAccount {
  constructor() {
    this.amount = 0;
    this.isOpen = false;
  }

  open() {
    this.isOpen = true;
  }

  close() {
    if (!this.isOpen) throw new Error('account not open');
    this.isOpen = false;
  }

  deposit(amount) {
    if (!this.isOpen) throw new Error('account not open');
    this.amount += amount;
  }

  withdraw(amount) {
    if (amount > this.amount) throw new Error('amount must be less than balance');
    this.amount -= amount;
  }

  get balance() {
    if (!this.isOpen) throw new Error('account not open');
    return this.amount;
  }
}

module.exports = { BankAccount, ValueError };
