import { RecentAlbums } from './recent-albums';

describe('RecentAlbums', () => {
  it('claims an album once within the TTL, again after it', () => {
    const albums = new RecentAlbums(1000);
    expect(albums.claim('1:a', 0)).toBe(true);
    expect(albums.claim('1:a', 500)).toBe(false);
    expect(albums.claim('1:b', 600)).toBe(true);
    expect(albums.claim('1:a', 1500)).toBe(true);
    expect(albums.claim('1:b', 1500)).toBe(false);
  });

  it('keeps at most `max` albums, forgetting the oldest', () => {
    const albums = new RecentAlbums(60_000, 2);
    expect(['a', 'b', 'c'].map((k) => albums.claim(k, 0))).toEqual([true, true, true]);
    expect(albums.claim('a', 1)).toBe(true); // forgotten to make room for "c"
    expect(albums.claim('c', 1)).toBe(false);
  });
});
