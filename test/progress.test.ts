import { progressFor } from '../cli/progress';

/** A stand-in for stderr that records what is written. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    s: {
      isTTY,
      columns: 100,
      write: (t: string) => (written.push(t), true),
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    },
  };
}

describe('progress on long synths', () => {
  test('a terminal sees the phases and counts', () => {
    const { written, s } = stream(true);
    const p = progressFor(s, 2, {});
    p.phase('load app', 'examples/campus-1-4gw/main.ts');
    p.phase('model, analysis and checks', '6,656 racks');
    p.done();
    const text = written.join('');
    expect(text).toContain('0/2 load app (examples/campus-1-4gw/main.ts)');
    expect(text).toContain('1/2 model, analysis and checks (6,656 racks)');
  });

  test('silent when piped or in CI', () => {
    for (const [tty, env] of [
      [false, {}],
      [true, { CI: 'true' }],
    ] as const) {
      const { written, s } = stream(tty);
      const p = progressFor(s, 1, env);
      p.phase('load app');
      p.done();
      expect(written).toEqual([]);
    }
  });
});
