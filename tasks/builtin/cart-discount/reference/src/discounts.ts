export interface Rule {
  code: string;
  percent: number;
  minSubtotal: number;
  maxCents?: number;
}

export const RULES: Rule[] = [
  { code: "SAVE10", percent: 10, minSubtotal: 5000 },
  { code: "SAVE20", percent: 20, minSubtotal: 20000 },
  { code: "WELCOME5", percent: 5, minSubtotal: 0, maxCents: 1000 },
];

export function findRule(code: string): Rule | undefined {
  const wanted = code.trim().toUpperCase();
  return RULES.find((rule) => rule.code === wanted);
}
