import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IResolvable, Lazy, Token, Tokenization } from 'cdktf';
import { AiFactoryApp } from '../stacks';

/** The creation stack cdktf records for a new lazy token. */
function lazyCreationStack(): string[] {
  const token = Lazy.stringValue({ produce: () => 'x' });
  expect(Token.isUnresolved(token)).toBe(true);
  return (Tokenization.reverseString(token).firstToken as IResolvable).creationStack;
}

describe("cdktf's per-token stack capture", () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-token-stacks-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('is skipped while the app has stack traces off (the default), and back with stackTraces: true', () => {
    new AiFactoryApp({ outdir });
    expect(lazyCreationStack()).toEqual([]);
    new AiFactoryApp({ outdir, stackTraces: true });
    const stack = lazyCreationStack();
    expect(stack.length).toBeGreaterThan(0);
    expect(stack.some((frame) => frame.includes('lazyCreationStack'))).toBe(true);
    new AiFactoryApp({ outdir });
    expect(lazyCreationStack()).toEqual([]);
  });

  test('leaves every other caller of Error.captureStackTrace as it was, with no extra frame', () => {
    new AiFactoryApp({ outdir });
    function here(): { stack: string } {
      const o = { stack: '' };
      Error.captureStackTrace(o);
      return o;
    }
    const lines = here().stack.split('\n');
    expect(lines[1]).toContain('here');
    function below(): { stack: string } {
      const o = { stack: '' };
      Error.captureStackTrace(o, below);
      return o;
    }
    expect(below().stack.split('\n')[1]).not.toContain('below');
    expect(new Error('boom').stack).toContain('token-stack-traces.test');
  });
});
