import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata') as {
  generateCustomFunctionsMetadata(input: string, wantConsoleOutput?: boolean): Promise<{ metadataJson: string; errors: string[] }>;
};

interface Param {
  name: string;
  optional?: boolean;
  dimensionality?: string;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string };
}

const EXPECTED: Record<string, Array<[string, boolean]>> = {
  COMPLETION: [['actual', false], ['target', false], ['direction', true]],
  LINEAR: [['rate', false], ['points', false], ['floor', true], ['full', true]],
  SATISFACTION: [['answers', false], ['weights', true]],
  RULESCORE: [['ruleText', false], ['points', false], ['value', false]],
  CHECK: [['ruleText', false], ['points', false], ['score', false], ['reason', true]],
  GRADE: [['total', false], ['scheme', true]],
  RATE: [['score', false], ['points', false]],
  WEIGHTED: [['scores', false], ['shares', false]],
};

describe('custom functions metadata', () => {
  let functions: Fn[] = [];
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.join(__dirname, '../../src/functions/functions.ts'), false);
    expect(result.errors).toEqual([]);
    functions = JSON.parse(result.metadataJson).functions;
  });

  test('exactly the eight ids', () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.keys(EXPECTED))('%s: Chinese name, parameters and help', (id) => {
    const f = functions.find((x) => x.id === id)!;
    expect(f.name).toMatch(/^[\u4e00-\u9fa5]{3,}$/);
    expect(f.description).toMatch(/[\u4e00-\u9fa5]/);
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual(EXPECTED[id]);
    for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('ranges arrive as matrices', () => {
    const dims = (id: string) => functions.find((x) => x.id === id)!.parameters.map((p) => p.dimensionality ?? 'scalar');
    expect(dims('SATISFACTION')).toEqual(['matrix', 'matrix']);
    expect(dims('WEIGHTED')).toEqual(['matrix', 'matrix']);
    expect(dims('RULESCORE')[2]).toBe('matrix');
  });
});
