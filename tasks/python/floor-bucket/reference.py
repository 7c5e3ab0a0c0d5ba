def bucket_start(value: int, width: int) -> int:
    if width <= 0:
        raise ValueError("width must be positive")
    return (value // width) * width
