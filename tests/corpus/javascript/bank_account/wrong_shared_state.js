class ValueError extends Error {
  constructor(message = 'Bank account error') {
    super(message);
    this.name = 'ValueError';
  }
}

// module-level state: every account shares one balance
let balance = 0;

class BankAccount {
  open() {
    if (this.opened) throw new ValueError('account already open');
    this.opened = true;
    balance = 0;
  }

  close() {
    if (!this.opened) throw new ValueError('account not open');
    this.opened = false;
  }

  deposit(amount) {
    if (!this.opened) throw new ValueError('account not open');
    if (amount <= 0) throw new ValueError('amount must be greater than 0');
    balance += amount;
  }

  withdraw(amount) {
    if (!this.opened) throw new ValueError('account not open');
    if (amount > balance) throw new ValueError('amount must be less than balance');
    balance -= amount;
  }

  get balance() {
    if (!this.opened) throw new ValueError('account not open');
    return balance;
  }
}

module.exports = { BankAccount, ValueError };
