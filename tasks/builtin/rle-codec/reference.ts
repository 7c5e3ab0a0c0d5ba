export const rle = {
  encode(text: string): string {
    const chars = Array.from(text);
    let out = "";
    let i = 0;
    while (i < chars.length) {
      let run = 1;
      while (run < 9 && chars[i + run] === chars[i]) run++;
      out += `${run}${chars[i]}`;
      i += run;
    }
    return out;
  },

  decode(encoded: string): string {
    const chars = Array.from(encoded);
    if (chars.length % 2 !== 0) throw new SyntaxError("encoded text must hold count/char pairs");
    let out = "";
    for (let i = 0; i < chars.length; i += 2) {
      const count = chars[i];
      if (count < "1" || count > "9") throw new SyntaxError(`invalid run length "${count}"`);
      out += chars[i + 1].repeat(Number(count));
    }
    return out;
  },
};
