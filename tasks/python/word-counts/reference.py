def word_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    word: list[str] = []
    for ch in text + " ":
        if ch.isalnum():
            word.append(ch)
        elif word:
            key = "".join(word).casefold()
            counts[key] = counts.get(key, 0) + 1
            word = []
    return counts
