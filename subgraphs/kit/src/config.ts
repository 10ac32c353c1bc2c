/**
 * Configuration is read once, from an env-like record, validated with every problem reported
 * at once, and handed on as a frozen typed object. Nothing else reads process.env.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface EnvReader {
  string(name: string, fallback?: string): string;
  optional(name: string): string | undefined;
  int(name: string, fallback: number, range?: { min?: number; max?: number }): number;
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T;
  url(name: string, fallback?: string): string | undefined;
  bool(name: string, fallback: boolean): boolean;
  /** A JSON value (for example a JWK), or undefined when unset. */
  json<T>(name: string, check: (value: unknown) => value is T, expected: string): T | undefined;
  /** Records a problem found by the caller (a rule across several variables). */
  problem(message: string): void;
  /** Throws one ConfigError listing every problem found so far. */
  done(): void;
}

export function readEnv(env: Env): EnvReader {
  const problems: string[] = [];
  const raw = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  return {
    string(name, fallback) {
      const value = raw(name) ?? fallback;
      if (value === undefined) {
        problems.push(`${name} is required`);
        return '';
      }
      return value;
    },
    optional: raw,
    int(name, fallback, range = {}) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed)) {
        problems.push(`${name} must be an integer, got ${JSON.stringify(value)}`);
        return fallback;
      }
      if ((range.min !== undefined && parsed < range.min) || (range.max !== undefined && parsed > range.max)) {
        problems.push(`${name} must be between ${range.min ?? '-∞'} and ${range.max ?? '∞'}, got ${parsed}`);
        return fallback;
      }
      return parsed;
    },
    oneOf(name, values, fallback) {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (!(values as readonly string[]).includes(value)) {
        problems.push(`${name} must be one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
        return fallback;
      }
      return value as (typeof values)[number];
    },
    url(name, fallback) {
      const value = raw(name) ?? fallback;
      if (value === undefined) return undefined;
      try {
        new URL(value);
      } catch {
        problems.push(`${name} must be a URL, got ${JSON.stringify(value)}`);
      }
      return value;
    },
    bool(name, fallback) {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
      if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
      problems.push(`${name} must be true or false, got ${JSON.stringify(value)}`);
      return fallback;
    },
    json(name, check, expected) {
      const value = raw(name);
      if (value === undefined) return undefined;
      try {
        const parsed: unknown = JSON.parse(value);
        if (check(parsed)) return parsed;
      } catch {
        // reported below
      }
      problems.push(`${name} must be ${expected}`);
      return undefined;
    },
    problem(message) {
      problems.push(message);
    },
    done() {
      if (problems.length > 0) throw new ConfigError(problems);
    },
  };
}
