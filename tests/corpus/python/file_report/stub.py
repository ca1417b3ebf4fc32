def summarize(scores):
    pass


def save_report(scores, path):
    pass


def count_lines(path):
    pass
