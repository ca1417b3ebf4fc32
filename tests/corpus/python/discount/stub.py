def apply_discount(price, percent):
    pass


def price_with_vat(price, rate=0.2):
    pass
