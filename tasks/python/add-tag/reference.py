def add_tag(tag: str, tags: list[str] | None = None) -> list[str]:
    tag = tag.strip()
    if not tag:
        raise ValueError("tag must not be empty")
    result = list(tags) if tags is not None else []
    if tag not in result:
        result.append(tag)
    return result
