def apply_discount(price, percent):
    # no rounding, and no check of the percentage
    return price - price * percent / 100


def price_with_vat(price, rate=0.2):
    return price * 1.2
