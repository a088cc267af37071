// Usage errors exit 2 with a one-line reason and a pointer to --help.
export class UsageError extends Error {
  name = "UsageError";
}

export function exitOnUsageError(err: unknown, command: string): never {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`${command}: ${(err as Error).message}\nTry '${command} --help'.\n`);
    process.exit(2);
  }
  throw err;
}
