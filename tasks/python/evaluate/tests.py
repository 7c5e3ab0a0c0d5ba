from solution import evaluate


def _add_sub():
    assert evaluate("10 - 4 - 3") == 3
    assert evaluate("1 + 2 - 3 + 4") == 4


def _precedence():
    assert evaluate("2 + 3 * 4") == 14
    assert evaluate("20 - 12 // 4 * 2") == 14
    assert evaluate("100 // 10 // 3") == 3


def _parens():
    assert evaluate("(2 + 3) * 4") == 20
    assert evaluate("2 * (3 + (4 - 1)) * 2") == 24


def _unary():
    assert evaluate("-3 * -(2 + 1)") == 9
    assert evaluate("--4") == 4
    assert evaluate("2 * -3") == -6
    assert evaluate("-(1)") == -1


def _spaces():
    assert evaluate("  1+ 2 *3  ") == 7
    assert evaluate("12") == 12


def _floor_division():
    assert evaluate("7 // 2") == 3
    assert evaluate("-7 // 2") == -4
    assert evaluate("7 // -2") == -4
    assert evaluate("-7 // -2") == 3
    assert evaluate("(0 - 1) // 10") == -1


def _big():
    assert evaluate("99999999999999999999 * 99999999999999999999") == 9999999999999999999800000000000000000001
    assert evaluate("123456789012345678901234567890 // 7") == 17636684144620811271604938270
    assert evaluate("-(10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10) // 3") == -33333333333333333334


def _zero_division():
    for expr in ("1 // 0", "5 // (3 - 3)"):
        try:
            evaluate(expr)
        except ZeroDivisionError:
            continue
        raise AssertionError(f"evaluate({expr!r}) did not raise ZeroDivisionError")


def _malformed():
    for expr in ("", "   ", "1 +", "* 2", "(1", "1)", "()", "2 3", "1 / 2", "1 /// 2", "2 ** 3", "1.5", "(1 + 2))", "x"):
        try:
            evaluate(expr)
        except ValueError:
            continue
        except Exception as error:
            raise AssertionError(f"evaluate({expr!r}) raised {type(error).__name__}, expected ValueError")
        raise AssertionError(f"evaluate({expr!r}) did not raise ValueError")


def _deep():
    depth = 5000
    assert evaluate("(" * depth + "1" + ")" * depth) == 1
    assert evaluate("(" * depth + "2 * -3" + ")" * depth + " // 4") == -2
    assert evaluate("-(" * depth + "7" + ")" * depth) == 7


cases = {
    "adds and subtracts left to right": _add_sub,
    "multiplies and divides before adding": _precedence,
    "respects parentheses": _parens,
    "applies unary minus": _unary,
    "ignores spaces": _spaces,
    "floors integer division toward negative infinity": _floor_division,
    "stays exact for big integers": _big,
    "raises ZeroDivisionError for division by zero": _zero_division,
    "raises ValueError for malformed expressions": _malformed,
    "handles parentheses nested 5000 deep": _deep,
}
