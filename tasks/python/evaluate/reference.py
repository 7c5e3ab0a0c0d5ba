_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "//": 2, "neg": 3}


def _tokens(expr: str) -> list[object]:
    tokens: list[object] = []
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch == " ":
            i += 1
        elif "0" <= ch <= "9":
            j = i
            while j < len(expr) and "0" <= expr[j] <= "9":
                j += 1
            tokens.append(int(expr[i:j]))
            i = j
        elif expr.startswith("//", i):
            tokens.append("//")
            i += 2
        elif ch in "+-*()":
            tokens.append(ch)
            i += 1
        else:
            raise ValueError(f"unexpected character {ch!r} at {i}")
    return tokens


def _apply(op: str, values: list[int]) -> None:
    if op == "neg":
        values.append(-values.pop())
        return
    right = values.pop()
    left = values.pop()
    if op == "+":
        values.append(left + right)
    elif op == "-":
        values.append(left - right)
    elif op == "*":
        values.append(left * right)
    else:
        values.append(left // right)  # raises ZeroDivisionError for 0


def evaluate(expr: str) -> int:
    values: list[int] = []
    ops: list[str] = []
    expect_operand = True
    for token in _tokens(expr):
        if expect_operand:
            if isinstance(token, int):
                values.append(token)
                expect_operand = False
            elif token == "(":
                ops.append("(")
            elif token == "-":
                ops.append("neg")
            else:
                raise ValueError(f"expected a number, got {token!r}")
        elif token == ")":
            while ops and ops[-1] != "(":
                _apply(ops.pop(), values)
            if not ops:
                raise ValueError("unbalanced ')'")
            ops.pop()
        elif token in ("+", "-", "*", "//"):
            while ops and ops[-1] != "(" and _PRECEDENCE[ops[-1]] >= _PRECEDENCE[token]:
                _apply(ops.pop(), values)
            ops.append(token)
            expect_operand = True
        else:
            raise ValueError(f"expected an operator, got {token!r}")
    if expect_operand:
        raise ValueError("incomplete expression")
    while ops:
        op = ops.pop()
        if op == "(":
            raise ValueError("unbalanced '('")
        _apply(op, values)
    return values[0]
