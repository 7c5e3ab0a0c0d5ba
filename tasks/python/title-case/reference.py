DEFAULT_SMALL_WORDS = frozenset({"a", "an", "and", "at", "in", "of", "on", "or", "the", "to"})


def title_case(text: str, small_words: set[str] | None = None) -> str:
    small = DEFAULT_SMALL_WORDS if small_words is None else small_words
    words = text.split(" ")
    positions = [i for i, word in enumerate(words) if word]
    ends = {positions[0], positions[-1]} if positions else set()
    result = []
    for i, word in enumerate(words):
        if not word:
            result.append(word)
        elif word.lower() in small and i not in ends:
            result.append(word.lower())
        else:
            result.append(word[0].upper() + word[1:].lower())
    return " ".join(result)
