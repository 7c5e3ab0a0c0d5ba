import unicodedata


def _key(name: str) -> str:
    nfd = unicodedata.normalize("NFD", name.strip())
    return unicodedata.normalize("NFD", nfd.casefold())


def same_name(a: str, b: str) -> bool:
    return _key(a) == _key(b)
