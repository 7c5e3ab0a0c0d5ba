def build_order(deps: dict[str, list[str]]) -> list[str]:
    result: list[str] = []
    done: set[str] = set()
    for root in deps:
        if root in done:
            continue
        in_progress = {root}
        stack = [(root, iter(deps.get(root, ())))]
        while stack:
            item, pending = stack[-1]
            for dep in pending:
                if dep in in_progress:
                    raise ValueError(f"dependency cycle through {dep!r}")
                if dep not in done:
                    in_progress.add(dep)
                    stack.append((dep, iter(deps.get(dep, ()))))
                    break
            else:
                stack.pop()
                in_progress.discard(item)
                done.add(item)
                result.append(item)
    return result
