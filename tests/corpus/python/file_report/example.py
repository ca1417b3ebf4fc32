def summarize(scores):
    if not scores:
        return {"count": 0, "best": None, "mean": None}
    return {"count": len(scores), "best": max(scores, key=scores.get),
            "mean": sum(scores.values()) / len(scores)}


def save_report(scores, path):
    with open(path, "w", encoding="utf-8") as handle:
        for name in sorted(scores):
            handle.write(f"{name};{scores[name]:.2f}\n")


def count_lines(path):
    with open(path, encoding="utf-8") as handle:
        return sum(1 for _ in handle)
