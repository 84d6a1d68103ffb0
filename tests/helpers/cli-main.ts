import { main } from '../../src/main/cli/main';

/** The command line run in-process through its main(): exit code, stdout and stderr as a user sees them. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}
