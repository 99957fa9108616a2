/** The shipped offline model folder: its files, and what its tokenizer does with words. */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BertTokenizer } from '@xenova/transformers';
import { describe, expect, it } from 'vitest';

const MODEL_DIR = fileURLToPath(new URL('../../models/glove-100d', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(join(MODEL_DIR, file), 'utf8')) as Record<string, unknown>;

describe('models/glove-100d files', () => {
  it('has every file transformers.js loads, and a README', () => {
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', 'README.md']) {
      expect(statSync(join(MODEL_DIR, file)).size, file).toBeGreaterThan(0);
    }
  });

  it('stays small enough to commit', () => {
    const total = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']
      .map((file) => statSync(join(MODEL_DIR, file)).size)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(12_000_000);
  });

  it('declares a BERT-type model with 100 hidden dimensions and a maximum length', () => {
    const config = readJson('config.json');
    expect(config.model_type).toBe('bert');
    expect(config.hidden_size).toBe(100);
    expect(readJson('tokenizer_config.json').model_max_length).toBeGreaterThanOrEqual(512);
  });

  it('README gives the build command and the licences', () => {
    const readme = readFileSync(join(MODEL_DIR, 'README.md'), 'utf8');
    expect(readme).toContain('scripts/build-glove-model.ts');
    expect(readme).toMatch(/PDDL/);
    expect(readme).toMatch(/MIT/);
    expect(readme).toMatch(/Pennington/);
  });
});

describe('models/glove-100d tokenizer', () => {
  const tokenizer = new BertTokenizer(readJson('tokenizer.json'), readJson('tokenizer_config.json'));
  const tokens = (text: string) => tokenizer.encode(text).map((id: number) => tokenizer.model.vocab[id]);

  it('lower-cases, strips accents, splits punctuation and wraps the text in [CLS] ... [SEP]', () => {
    expect(tokens('Ofsted INSPECTED the Café.')).toEqual(['[CLS]', 'ofsted', 'inspected', 'the', 'cafe', '[UNK]', '[SEP]']);
  });

  it('maps a word it does not know to [UNK], whole, with no sub-word pieces', () => {
    expect(tokens('zzqxvplorf inspections')).toEqual(['[CLS]', '[UNK]', 'inspections', '[SEP]']);
  });

  it('knows numbers, years and %, not other punctuation', () => {
    expect(tokens('In 2015, 42% rose to 100')).toEqual(['[CLS]', 'in', '2015', '[UNK]', '42', '%', 'rose', 'to', '100', '[SEP]']);
  });

  it('gives special tokens the ids the model zeroes', () => {
    expect(tokenizer.pad_token_id).toBe(0);
    expect(tokenizer.unk_token_id).toBe(1);
  });
});
