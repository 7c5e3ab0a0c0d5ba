from solution import pipeline


def _left_to_right():
    assert pipeline(lambda x: x + 1, lambda x: x * 2)(3) == 8
    assert pipeline(lambda x: x * 2, lambda x: x + 1)(3) == 7


def _single():
    assert pipeline(lambda x: x - 1)(10) == 9


def _passes_results():
    assert pipeline(str, len)(12345) == 5
    assert pipeline(lambda s: s.split(), sorted, lambda w: "-".join(w))("b c a") == "a-b-c"


def _many_calls():
    p = pipeline(lambda x: x * 3, lambda x: x + 1)
    assert [p(x) for x in range(4)] == [1, 4, 7, 10]
    assert p(0) == 1


def _independent():
    a = pipeline(lambda x: x + 1)
    b = pipeline(lambda x: x * 10, lambda x: x - 1)
    assert a(1) == 2
    assert b(1) == 9
    assert a(1) == 2


def _lazy():
    calls = []
    p = pipeline(lambda x: calls.append("f") or x + 1, lambda x: calls.append("g") or x * 2)
    assert calls == []
    assert p(1) == 4
    assert calls == ["f", "g"]


def _identity():
    assert pipeline()(42) == 42
    marker = object()
    assert pipeline()(marker) is marker


def _none():
    assert pipeline()(None) is None
    assert pipeline(lambda x: x is None)(None) == True
    assert pipeline(lambda x: None, lambda x: [x])(5) == [None]


def _deep():
    inc = lambda x: x + 1
    p = pipeline(*([inc] * 5000))
    assert p(0) == 5000
    assert p(10) == 5010


cases = {
    "applies functions from left to right": _left_to_right,
    "applies a single function": _single,
    "passes each result to the next function": _passes_results,
    "can be called many times with different inputs": _many_calls,
    "keeps two pipelines independent": _independent,
    "does not call any function before the pipeline is used": _lazy,
    "returns the identity for no functions": _identity,
    "passes None through as a value": _none,
    "handles 5000 functions without a RecursionError": _deep,
}
