import { describe, expect, it } from '@jest/globals';
import { codeLabel, OperationLabels } from './operation-labels.js';

describe('OperationLabels', () => {
  it('keeps plain names of up to 64 characters, else "anonymous"', () => {
    const labels = new OperationLabels();
    expect(labels.name('ProductsPage')).toBe('ProductsPage');
    expect(labels.name('cart_lines_add2')).toBe('cart_lines_add2');
    expect(labels.name('A'.repeat(64))).toBe('A'.repeat(64));
    expect(labels.name('A'.repeat(65))).toBe('anonymous');
    expect(labels.name('products page')).toBe('anonymous');
    expect(labels.name('')).toBe('anonymous');
    expect(labels.name(null)).toBe('anonymous');
    expect(labels.name(undefined)).toBe('anonymous');
  });

  it('gives only the first names a series of their own', () => {
    const labels = new OperationLabels(2);
    expect([labels.name('A'), labels.name('B'), labels.name('C'), labels.name('A')]).toEqual(['A', 'B', 'other', 'A']);
  });
});

describe('codeLabel', () => {
  it('keeps stable codes and folds anything else', () => {
    expect(codeLabel('UNAUTHENTICATED')).toBe('UNAUTHENTICATED');
    expect(codeLabel('not a code')).toBe('OTHER');
    expect(codeLabel(undefined)).toBe('OTHER');
    expect(codeLabel(42)).toBe('OTHER');
  });
});
