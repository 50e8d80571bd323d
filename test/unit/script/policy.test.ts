import { describe, expect, it } from 'vitest';
import { pageTarget, readerChoice, switchTarget } from '../../../utils/script/policy';
import { DEFAULT_SCRIPT, type ScriptSettings } from '../../../utils/settings/schema';

const settings = (over: Partial<ScriptSettings> = {}): ScriptSettings => ({ ...DEFAULT_SCRIPT, ...over });

describe('which script a page is shown in', () => {
  it('site rules first, then the defaults for its script', () => {
    const s = settings({ simplifiedPages: 'taiwan', sites: { 'news.example': { page: 'hongkong' }, 'quiet.example': { page: 'never' } } });
    expect(pageTarget(s, 'www.news.example', 'simplified')).toBe('hongkong');
    expect(pageTarget(s, 'quiet.example', 'simplified')).toBeNull();
    expect(pageTarget(s, 'other.example', 'simplified')).toBe('taiwan');
    expect(pageTarget(s, 'other.example', 'traditional')).toBeNull();
    expect(readerChoice(settings({ sites: { 'a.example': { reader: 'simplified' } } }), 'a.example', 'traditional')).toBe('simplified');
  });
});

describe('the one-click switch', () => {
  it('goes back to the original from any script', () => {
    expect(switchTarget(settings(), 'a.example', 'simplified', 'taiwan')).toBeNull();
  });

  it('goes to the other script by default, or to what the site or the defaults ask for', () => {
    expect(switchTarget(settings(), 'a.example', 'simplified', null)).toBe('traditional');
    expect(switchTarget(settings(), 'a.example', 'traditional', null)).toBe('simplified');
    expect(switchTarget(settings(), 'a.example', 'mixed', null)).toBe('simplified');
    expect(switchTarget(settings(), 'a.example', 'none', null)).toBeNull();
    expect(switchTarget(settings({ simplifiedPages: 'hongkong' }), 'a.example', 'simplified', null)).toBe('hongkong');
    expect(switchTarget(settings({ sites: { 'a.example': { reader: 'taiwan' } } }), 'a.example', 'simplified', null)).toBe('taiwan');
    // "never convert this site" stops conversion on load, not a conversion the reader asks for.
    expect(switchTarget(settings({ sites: { 'a.example': { page: 'never' } } }), 'a.example', 'simplified', null)).toBe('traditional');
  });
});
