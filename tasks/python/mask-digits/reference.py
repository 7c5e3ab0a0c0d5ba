def mask_digits(text: str, keep_last: int = 4) -> str:
    if keep_last < 0:
        raise ValueError("keep_last must not be negative")
    to_mask = sum(1 for ch in text if "0" <= ch <= "9") - keep_last
    out = []
    for ch in text:
        if "0" <= ch <= "9" and to_mask > 0:
            out.append("*")
            to_mask -= 1
        else:
            out.append(ch)
    return "".join(out)
