class ValueError extends Error {
  constructor(message = 'Bank account error') {
    super(message);
    this.name = 'ValueError';
  }
}

class BankAccount {
  #balance = 0;
  #open = false;

  open() {
    if (this.#open) throw new ValueError('account already open');
    this.#open = true;
    this.#balance = 0;
  }

  close() {
    this.#check();
    this.#open = false;
  }

  deposit(amount) {
    this.#check();
    if (amount <= 0) throw new ValueError('amount must be greater than 0');
    this.#balance += amount;
  }

  withdraw(amount) {
    this.#check();
    if (amount <= 0) throw new ValueError('amount must be greater than 0');
    if (amount > this.#balance) throw new ValueError('amount must be less than balance');
    this.#balance -= amount;
  }

  get balance() {
    this.#check();
    return this.#balance;
  }

  #check() {
    if (!this.#open) throw new ValueError('account not open');
  }
}

module.exports = { BankAccount, ValueError };
