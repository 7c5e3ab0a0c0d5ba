from solution import title_case


def _each():
    assert title_case("hello world") == "Hello World"


def _rest_lower():
    assert title_case("hELLO wORLD") == "Hello World"
    assert title_case("3D PRINTING") == "3d Printing"


def _small():
    assert title_case("the lord of the rings") == "The Lord of the Rings"
    assert title_case("A TALE OF TWO CITIES") == "A Tale of Two Cities"


def _custom_small():
    small = {"x"}
    assert title_case("x y x z", small) == "X Y x Z"
    assert small == {"x"}
    assert title_case("a tale of two", {"two"}) == "A Tale Of Two"
    assert title_case("of mice and men") == "Of Mice and Men"


def _unicode():
    assert title_case("\u00e9lan vital") == "\u00c9lan Vital"
    assert title_case("\u03c9\u03bc\u03ad\u03b3\u03b1 \u0394\u0395\u039b\u03a4\u0391") == "\u03a9\u03bc\u03ad\u03b3\u03b1 \u0394\u03b5\u03bb\u03c4\u03b1"


def _ends():
    assert title_case("of mice and of") == "Of Mice and Of"
    assert title_case("the") == "The"


def _apostrophe():
    assert title_case("don't stop o'neil") == "Don't Stop O'neil"
    assert title_case("a well-known fact") == "A Well-known Fact"


def _spaces():
    assert title_case("war  and peace") == "War  and Peace"
    assert title_case(" the end ") == " The End "


def _empty():
    assert title_case("") == ""


cases = {
    "capitalises each word": _each,
    "lower-cases the rest of each word": _rest_lower,
    "keeps small words lower-case inside the title": _small,
    "uses a caller's small words without changing them": _custom_small,
    "capitalises non-latin letters": _unicode,
    "capitalises small words at the start and the end": _ends,
    "does not start a new word after an apostrophe or hyphen": _apostrophe,
    "preserves runs of spaces": _spaces,
    "returns an empty string for empty input": _empty,
}
