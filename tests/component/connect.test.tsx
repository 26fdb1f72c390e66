import { beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../renderer/src/api/connect';
import { takeLaunchToken } from '../../renderer/src/api/token';

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  delete window.callCoach;
});

describe('launch token', () => {
  it('is taken from the address, kept for the tab, and removed from the address bar', () => {
    window.history.replaceState(null, '', '/?token=abc123&x=1#/about');
    expect(takeLaunchToken(window.location, window.history, sessionStorage)).toBe('abc123');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/about');
    expect(takeLaunchToken(window.location, window.history, sessionStorage)).toBe('abc123');
  });

  it('is absent when neither the address nor the tab has one', () => {
    expect(takeLaunchToken(window.location, window.history, sessionStorage)).toBeNull();
  });
});

describe('connect', () => {
  it('uses the desktop bridge when the preload exposed one', () => {
    window.callCoach = { api: {} as never };
    expect(connect(window)).toMatchObject({ kind: 'bridge' });
  });

  it('uses HTTP with the launch token in browser mode', () => {
    window.history.replaceState(null, '', '/?token=t0k');
    expect(connect(window)).toMatchObject({ kind: 'http' });
  });

  it('reports a missing token instead of calling without one', () => {
    expect(connect(window)).toEqual({ api: null, problem: 'missing-token' });
  });
});
