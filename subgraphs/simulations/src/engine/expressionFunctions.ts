/** Evaluates an expression against the current sample, values indexed by variable position. */
export type Evaluate = (values: Float64Array) => number;

type FunctionDefinition = {
  minArguments: number;
  maxArguments: number;
  /** Builds a closure over already-compiled arguments; fixed arities get a loop-free closure. */
  build(args: Evaluate[]): Evaluate;
  /** The same maths on plain numbers, for folding calls whose arguments are all constants. */
  apply(args: number[]): number;
};

const unary = (fn: (x: number) => number): FunctionDefinition => ({
  minArguments: 1,
  maxArguments: 1,
  build: ([a]) => {
    const arg = a as Evaluate;
    return (values) => fn(arg(values));
  },
  apply: ([x]) => fn(x as number),
});

const variadic = (fn: (...xs: number[]) => number): FunctionDefinition => ({
  minArguments: 2,
  maxArguments: Number.POSITIVE_INFINITY,
  build: (args) => {
    if (args.length === 2) {
      const [a, b] = args as [Evaluate, Evaluate];
      return (values) => fn(a(values), b(values));
    }
    const scratch = new Array<number>(args.length);
    return (values) => {
      for (let i = 0; i < args.length; i++) scratch[i] = (args[i] as Evaluate)(values);
      return fn(...scratch);
    };
  },
  apply: (xs) => fn(...xs),
});

/** The only functions an expression may call; a Map so `constructor` or `__proto__` never resolve. */
export const EXPRESSION_FUNCTIONS: ReadonlyMap<string, FunctionDefinition> = new Map([
  ['min', variadic(Math.min)],
  ['max', variadic(Math.max)],
  ['exp', unary(Math.exp)],
  ['log', unary(Math.log)],
  ['sqrt', unary(Math.sqrt)],
  ['abs', unary(Math.abs)],
]);
