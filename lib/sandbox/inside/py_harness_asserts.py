# assay's Python harness, continued: the assert rewrite and its helpers. Not a module: lib/sandbox/python.ts
# concatenates py_harness*.py in order (py_harness_watch.py comes before this file) into the
# one harness.py a job folder gets.

# ---------------------------------------------------------------------------------------------
# The assert rewrite of tests.py. The helpers live in a namespace of their own (only a private
# copy of the built-ins in it) and reach the tests' code as constants of it (a sentinel string
# in the compiled code, replaced by the helper): the candidate can neither rebind nor reach them.
_ASSERTS_SOURCE = """
PLAIN = (int, float, complex, bool, str, bytes, type(None), list, tuple, dict, set, frozenset)


def plain(value, _type=type, _PLAIN=PLAIN, _dict=dict, _list=list, _tuple=tuple, _set=set,
          _frozenset=frozenset, _id=id, _len=len):
    # Iterative and by identity: no global the candidate could rebind, and a metaclass's __eq__
    # or __hash__ cannot make a type look plain.
    stack = [value]
    seen = _set()
    count = 0
    while stack:
        item = stack.pop()
        kind = _type(item)
        for known in _PLAIN:
            if kind is known:
                break
        else:
            return False
        if kind is _dict or kind is _list or kind is _tuple or kind is _set or kind is _frozenset:
            key = _id(item)
            if key in seen:
                continue
            seen.add(key)
            count += _len(item)
            if count > 10000000:
                return False
            if kind is _dict:
                for k, v in _dict.items(item):
                    stack.append(k)
                    stack.append(v)
            else:
                stack.extend(item)
    return True


def short(value, _repr=repr, _type=type, _len=len, _str=str, _BaseException=BaseException):
    try:
        text = _str.__str__(_repr(value))
    except _BaseException:
        text = "<unprintable " + _str.__str__(_type(value).__name__) + ">"
    return text if _len(text) <= 200 else text[:200] + "…"


def apply(left, right, op):
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    if op == ">=":
        return left >= right
    if op == "in":
        return left in right
    return left not in right


def mixed(left, right, op, _plain=plain):
    # A plain built-in value on one side needs one on the other (for `in`: a plain container
    # needs a plain item; a container of the candidate's own decides for itself).
    if op == "in" or op == "not in":
        return _plain(right) and not _plain(left)
    return _plain(left) != _plain(right)


def fail(detail, note, _AssertionError=AssertionError):
    note(("failed", detail))
    raise _AssertionError(detail)


def odd(left, right, source, note=NOTE, _plain=plain, _short=short, _type=type, _str=str,
        _fail=fail):
    value = left if not _plain(left) else right
    _fail("assert " + source + ": got " + _short(value) + " (" +
          _str.__str__(_type(value).__name__) + ", not a plain built-in value)", note)


def verdict(result, got, source, message, note=NOTE, _plain=plain, _short=short, _type=type,
            _bool=bool, _str=str, _fail=fail):
    ok = result if _type(result) is _bool else (_bool(result) if _plain(result) else False)
    if not ok:
        detail = "assert " + source + ": got " + _short(got)
        if message is not None:
            detail += ": " + _str.__str__(_str(message()))
        _fail(detail, note)


def truth(value, source, message, note=NOTE, _str=str, _fail=fail):
    # Any other assert: as Python's, its message when it has one, recorded when it fails.
    if not value:
        _fail("" if message is None else _str.__str__(_str(message())), note)


def check(left, right, op, source, message, top, note=NOTE, _mixed=mixed, _odd=odd, _apply=apply,
          _verdict=verdict):
    # `left <op> right` in an assert: the assert itself when `top`, else a comparison inside it.
    if _mixed(left, right, op):
        _odd(left, right, source, note)
    result = _apply(left, right, op)
    if not top:
        return result
    _verdict(result, left, source, message, note)


def close(a, b, tol, op, source, message, top, note=NOTE, _plain=plain, _odd=odd, _apply=apply,
          _verdict=verdict, _abs=abs):
    # `abs(a - b) < tol`: `a - b` would hand the expected value to a look-alike's __sub__.
    if _plain(a) != _plain(b):
        _odd(a, b, source, note)
    result = _apply(_abs(a - b), tol, op)
    if _plain(tol) != _plain(result):
        _odd(result, tol, source, note)
    if not top:
        return result
    _verdict(result, a, source, message, note)


def chain(first, steps, source, message, top, note=NOTE, _check=check, _verdict=verdict,
          _enumerate=enumerate):
    # `a <op> b <op> c …`: each operand evaluated once and only when needed, as Python does.
    left = first
    result = True
    got = first
    for index, (op, thunk) in _enumerate(steps):
        right = thunk()
        result = _check(left, right, op, source, None, False, note)
        if not result:
            got = right if index == 0 else left
            break
        left = right
    if not top:
        return result
    _verdict(result, got, source, message, note)
"""
# The failed asserts of the running case, kept where no code but the harness can take them (it
# sends its private token; a generator's locals are out of everyone's reach): a failure stays a
# failure even if an __exit__ of the candidate's swallows the AssertionError on its way.
_LEDGER_SOURCE = """
def ledger(token):
    failed = []
    answer = None
    while True:
        try:
            request = yield answer
        except BaseException:
            answer = None
            continue
        answer = None
        if type(request) is tuple and len(request) == 2:
            if request[0] is token:
                answer = failed
                failed = []
            elif type(request[1]) is str:
                failed.append(request[1])


"""
_LEDGER_TOKEN = object()
_LEDGER = _isolated(_LEDGER_SOURCE)["ledger"](_LEDGER_TOKEN)
next(_LEDGER)
# The helpers note failures there (a default argument: a tuple no one may replace).
_ASSERTS = _isolated(_ASSERTS_SOURCE, NOTE=_LEDGER.send)
# Each helper's sentinel: a str constant no tests.py contains, replaced in the compiled code.
_CALLS = {kind: "__assay_" + kind + "_" + os.urandom(8).hex() + "__"
          for kind in ("check", "close", "chain", "truth")}
_SENTINELS = {name: _ASSERTS[kind] for kind, name in _CALLS.items()}


def _failed_asserts():
    """The asserts that failed since the last call (taken from the ledger), or None when the
    ledger no longer answers (the candidate broke it: nothing it passes can be trusted)."""
    try:
        failed = _LEDGER.send((_LEDGER_TOKEN, None))
    except _BaseException:
        return None
    return failed if _type(failed) is list else None

_REWRITE_SOURCE = """
OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
       ast.In: "in", ast.NotIn: "not in"}


def helper(kind, args):
    return ast.Call(ast.Constant(CALLS[kind]), args, [])


def thunk(body):
    return ast.Lambda(ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[],
                                    defaults=[]), body)


def close_idiom(node):
    # abs(a - b) < tol, abs(a - b) <= tol
    left = node.left
    if (len(node.ops) == 1 and type(node.ops[0]) in (ast.Lt, ast.LtE) and
            isinstance(left, ast.Call) and isinstance(left.func, ast.Name) and
            left.func.id == "abs" and len(left.args) == 1 and not left.keywords and
            isinstance(left.args[0], ast.BinOp) and isinstance(left.args[0].op, ast.Sub)):
        return left.args[0].left, left.args[0].right
    return None


def rewrite(node, source, message, top):
    # A Compare node as a call of a helper; None when it has an operator the helpers lack (is).
    if not all(type(op) in OPS for op in node.ops):
        return None
    flags = [ast.Constant(source), message, ast.Constant(top)]
    idiom = close_idiom(node)
    if idiom is not None:
        return helper("close", [idiom[0], idiom[1], node.comparators[0],
                                ast.Constant(OPS[type(node.ops[0])])] + flags)
    if len(node.ops) == 1:
        return helper("check", [node.left, node.comparators[0],
                                ast.Constant(OPS[type(node.ops[0])])] + flags)
    steps = ast.Tuple([ast.Tuple([ast.Constant(OPS[type(op)]), thunk(c)], ast.Load())
                       for op, c in zip(node.ops, node.comparators)], ast.Load())
    return helper("chain", [node.left, steps] + flags)


class Inner(ast.NodeTransformer):
    # The comparisons inside an assert's expression (in all(...), a lambda, a comprehension).
    def __init__(self, source):
        self.source = source

    def visit_Compare(self, node):
        self.generic_visit(node)
        call = rewrite(node, self.source, ast.Constant(None), False)
        return node if call is None else ast.copy_location(call, node)


class Rewrite(ast.NodeTransformer):
    def __init__(self, source):
        self.source = source

    def visit_Assert(self, node):
        text = " ".join((ast.get_source_segment(self.source, node.test) or "…").split())
        message = ast.Constant(None) if node.msg is None else thunk(node.msg)
        test = node.test
        if isinstance(test, ast.Compare):
            inner = Inner(text)
            test.left = inner.visit(test.left)
            test.comparators = [inner.visit(c) for c in test.comparators]
            call = rewrite(test, text, message, True)
            if call is not None:
                return ast.copy_location(ast.Expr(call), node)
        test = Inner(text).visit(test)
        call = helper("truth", [test, ast.Constant(text), message])
        return ast.copy_location(ast.Expr(call), node)
"""
_REWRITE = _isolated(_REWRITE_SOURCE, ast=ast, CALLS=_CALLS)


def _compile_tests(tree, source, path):
    tree = _REWRITE["Rewrite"](source).visit(tree)
    with warnings.catch_warnings():
        # Calling a str constant draws a SyntaxWarning; the constant is replaced just below.
        warnings.simplefilter("ignore")
        code = compile(ast.fix_missing_locations(tree), path, "exec")
    return _bind(code)


def _bind(code):
    consts = []
    for value in code.co_consts:
        if _type(value) is str and value in _SENTINELS:
            value = _SENTINELS[value]
        elif _type(value) is _CodeType:
            value = _bind(value)
        consts.append(value)
    return code.replace(co_consts=tuple(consts))

