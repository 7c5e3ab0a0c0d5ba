import itertools

from solution import parse_settings


def _pairs():
    assert list(parse_settings(["a=1", "b=two"])) == [("a", "1"), ("b", "two")]


def _strips():
    assert list(parse_settings(["  host = localhost \n", "\tport=5432\r\n"])) == [("host", "localhost"), ("port", "5432")]


def _skips():
    lines = ["# comment", "", "   ", "  # indented comment", "x=1", "\n"]
    assert list(parse_settings(lines)) == [("x", "1")]


def _hash_in_value():
    assert list(parse_settings(["color = #fff", "tag=a#b"])) == [("color", "#fff"), ("tag", "a#b")]


def _lazy():
    def source():
        yield "a=1"
        yield "b=2"
        raise RuntimeError("read too far")

    it = parse_settings(source())
    assert next(it) == ("a", "1")
    assert next(it) == ("b", "2")
    bad = parse_settings(iter(["ok=1", "broken"]))
    assert next(bad) == ("ok", "1")


def _first_equals():
    assert list(parse_settings(["url=http://x/?a=b=c"])) == [("url", "http://x/?a=b=c")]


def _empty_value():
    assert list(parse_settings(["key=", "other =  "])) == [("key", ""), ("other", "")]


def _no_lines():
    assert list(parse_settings([])) == []
    assert list(parse_settings(["", "# only comments"])) == []


def _error():
    for lines, number in ((["a=1", "", "oops"], 3), (["# c", "=value"], 2), (["no equals"], 1)):
        try:
            list(parse_settings(lines))
        except ValueError as error:
            assert str(number) in str(error), f"message {str(error)!r} does not name line {number}"
            continue
        raise AssertionError(f"parse_settings({lines!r}) did not raise ValueError")


def _infinite():
    stream = itertools.cycle(["# c", "a=1", "", "b = 2"])
    assert list(itertools.islice(parse_settings(stream), 3)) == [("a", "1"), ("b", "2"), ("a", "1")]


cases = {
    "parses key and value pairs": _pairs,
    "strips whitespace and newlines around keys and values": _strips,
    "skips blank lines and comments": _skips,
    "keeps a hash inside a value": _hash_in_value,
    "yields settings before a bad line, without reading ahead": _lazy,
    "splits only at the first equals sign": _first_equals,
    "allows an empty value": _empty_value,
    "yields nothing for no lines": _no_lines,
    "raises ValueError naming the line number": _error,
    "works on an infinite stream of lines": _infinite,
}
