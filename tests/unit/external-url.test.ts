import { describe, expect, it } from 'vitest';
import { isVettedExternalUrl } from '../../electron/main/external-url';

describe('isVettedExternalUrl', () => {
  it.each(['tel:13800001234', 'tel:+8613800001234', 'tel:057188886666'])('lets the dial action through: %s', (url) => {
    expect(isVettedExternalUrl(url)).toBe(true);
  });

  it.each([
    'tel:138-0000;ext=1',
    'tel:',
    'https://evil.example/',
    'http://127.0.0.1/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isVettedExternalUrl(url)).toBe(false);
  });
});
